import { describe, expect, it } from 'vitest';
import { readBotSpecSources, templatesDir, type BotSpecSource } from '../templates/bot-spec-files.js';
import { parsePublishedVersions, publishedVersionsFile, readPublishedVersions } from './published-versions.js';
import { publishBotVersions, validateBots } from './validate-bots.js';

const sources = readBotSpecSources(templatesDir);
const published = readPublishedVersions();
const lockFile = publishedVersionsFile;
const sample = sources.find((source) => source.file.endsWith('majors-momentum@1.2.0.yaml')) as BotSpecSource;
const replaceIn = (source: BotSpecSource, from: string, to: string) =>
  sources.map((each) => (each === source ? { ...each, text: each.text.replace(from, to) } : each));

describe('the bot templates and sample specs (packages/bots/templates)', () => {
  it('are valid BotSpecV1 specs matching their published versions', () => {
    const { specs, violations } = validateBots(sources, published, lockFile);
    expect(violations).toEqual([]);
    expect(specs.map((entry) => `${entry.spec.name}@${entry.spec.version}`)).toEqual([
      'equal-weight@1.0.0',
      'mean-reversion@1.0.0',
      'momentum@1.0.0',
      'btc-eth-reversion@2.0.0',
      'majors-momentum@1.2.0',
    ]);
    expect(published.versions.map((version) => version.digest)).toEqual(specs.map((entry) => entry.digest));
  });
});

describe('immutable versioning', () => {
  it('fails a changed spec under a published version, naming the bot, the version and both hashes', () => {
    const changed = replaceIn(sample, 'lookback: 10', 'lookback: 12');
    const { violations, specs } = validateBots(changed, published, lockFile);
    const publishedDigest = published.versions.find((version) => version.bot === 'majors-momentum')?.digest;
    const newDigest = specs.find((entry) => entry.spec.name === 'majors-momentum')?.digest;
    expect(newDigest).not.toBe(publishedDigest);
    expect(violations).toEqual([
      {
        file: sample.file,
        code: 'ASW-702',
        message: `ASW-702 ${sample.file}: bot majors-momentum version 1.2.0 is published and immutable: published ${publishedDigest}, the spec now hashes to ${newDigest}. Revert the change, or publish it as a new version (bump \`version\` and rename the file).`,
      },
    ]);
  });

  it('accepts the change as a new version and publishes only that version', () => {
    const bumped = sources.map((each) =>
      each === sample
        ? {
            file: each.file.replace('@1.2.0', '@1.3.0'),
            text: each.text.replace('version: 1.2.0', 'version: 1.3.0').replace('lookback: 10', 'lookback: 12'),
          }
        : each,
    );
    const withOld = [...bumped, sample];
    const { specs, violations } = validateBots(withOld, published, lockFile);
    expect(violations).toEqual([]);
    const { lock, added } = publishBotVersions(specs, published);
    expect(added).toEqual(['majors-momentum@1.3.0']);
    expect(lock.versions.slice(0, published.versions.length)).toEqual(published.versions);
    expect(validateBots(withOld, lock, lockFile).violations).toEqual([]);
  });

  it('fails when the spec of a published version is gone', () => {
    const { violations } = validateBots(
      sources.filter((each) => each !== sample),
      published,
      lockFile,
    );
    expect(violations.map((violation) => violation.message)).toEqual([
      `ASW-703 ${lockFile}: bot majors-momentum version 1.2.0 was published as ${published.versions.find((version) => version.bot === 'majors-momentum')?.digest} but no spec defines it; restore its spec file majors-momentum@1.2.0.yaml`,
    ]);
  });

  it('fails a version defined by two files', () => {
    const copy = { file: sample.file.replace('samples/', ''), text: sample.text };
    expect(validateBots([sample, copy], published, lockFile).violations.map((violation) => violation.message)).toContain(
      `ASW-703 ${copy.file}: bot majors-momentum version 1.2.0 is already defined in ${sample.file}`,
    );
  });
});

describe('spec validation against core BotSpecV1', () => {
  it.each([
    ['an invalid field', 'maxPositionWeight: 0.35', 'maxPositionWeight: 3.5', 'risk.maxPositionWeight: Too big'],
    ['an unknown mode', 'modes: [backtest, paper]', 'modes: [backtest, yolo]', 'modes.1: Invalid option'],
    ['invalid YAML', 'universe: [', 'universe: [[', 'not valid YAML'],
    [
      'a file not named <name>@<version>.yaml',
      'name: majors-momentum',
      'name: majors',
      'holds majors@1.2.0; rename the file to majors@1.2.0.yaml',
    ],
  ])('reports %s with the file', (_, from, to, message) => {
    const [violation] = validateBots([{ ...sample, text: sample.text.replace(from, to) }], { versions: [] }, lockFile).violations;
    expect(violation?.code).toBe('ASW-701');
    expect(violation?.message).toContain(`ASW-701 ${sample.file}: `);
    expect(violation?.message).toContain(message);
  });
});

describe('parsePublishedVersions', () => {
  it.each([
    ['not json', 'not valid JSON'],
    [
      '{"versions":[{"bot":"a","version":"1.0.0","digest":"md5:1"}]}',
      'versions.0.digest: is not a content address: use sha256: and 64 lowercase hex digits',
    ],
  ])('refuses %s', (text, message) => {
    expect(() => parsePublishedVersions(text, 'lock.json')).toThrow(message);
  });
});

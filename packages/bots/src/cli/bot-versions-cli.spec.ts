import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { templatesDir } from '../templates/bot-spec-files.js';
import { publishedVersionsFile } from '../versioning/published-versions.js';
import { runBotVersionsCli } from './bot-versions-cli.js';

const capture = () => {
  const out = { stdout: '', stderr: '' };
  return {
    out,
    io: { stdout: { write: (text: string) => (out.stdout += text) }, stderr: { write: (text: string) => (out.stderr += text) } },
  };
};

describe('bot-versions CLI', () => {
  let dir: string;
  let args: string[];
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'bot-versions-'));
    cpSync(templatesDir, join(dir, 'templates'), { recursive: true });
    cpSync(publishedVersionsFile, join(dir, 'published-versions.json'));
    args = ['--templates', join(dir, 'templates'), '--lock', join(dir, 'published-versions.json')];
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('validates the package templates and exits 0', () => {
    const { out, io } = capture();
    expect(runBotVersionsCli(['validate', ...args], io)).toBe(0);
    expect(out.stdout).toBe('bot-versions: 5 spec(s) valid, 5 published version(s) unchanged\n');
  });

  it('exits 1 naming the bot when a published spec changed', () => {
    const file = join(dir, 'templates/samples/btc-eth-reversion@2.0.0.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('entryZ: 2', 'entryZ: 2.5'));
    const { out, io } = capture();
    expect(runBotVersionsCli(['validate', ...args], io)).toBe(1);
    expect(out.stderr).toMatch(
      /^ASW-702 .*btc-eth-reversion@2\.0\.0\.yaml: bot btc-eth-reversion version 2\.0\.0 is published and immutable: published sha256:[0-9a-f]{64}, the spec now hashes to sha256:[0-9a-f]{64}\./,
    );
  });

  it('publishes a new draft version and leaves published entries alone', () => {
    const source = readFileSync(join(dir, 'templates/momentum@1.0.0.yaml'), 'utf8');
    writeFileSync(
      join(dir, 'templates/momentum@1.1.0.yaml'),
      source.replace('version: 1.0.0', 'version: 1.1.0').replace('lookback: 20', 'lookback: 30'),
    );
    const before = JSON.parse(readFileSync(join(dir, 'published-versions.json'), 'utf8'));
    const { out, io } = capture();
    expect(runBotVersionsCli(['publish', ...args, '--json'], io)).toBe(0);
    expect(JSON.parse(out.stdout)).toEqual({ added: ['momentum@1.1.0'] });
    const after = JSON.parse(readFileSync(join(dir, 'published-versions.json'), 'utf8'));
    expect(after.versions.slice(0, 5)).toEqual(before.versions);
    expect(after.versions).toHaveLength(6);
  });

  it.each([
    [['release'], 'unknown command "release"'],
    [['validate', '--lock', '/nonexistent/lock.json'], 'ASW-703 /nonexistent/lock.json: cannot be read (ENOENT)'],
  ])('exits 1 on %j', (argv, message) => {
    const { out, io } = capture();
    expect(runBotVersionsCli(argv, io)).toBe(1);
    expect(out.stderr).toContain(message);
  });
});

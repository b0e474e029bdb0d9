import type { BotSpecV1, ContentAddress } from '@alphaswarm/core';
import { BotsError } from '../bots-error.js';
import { parseBotSpecFile, type BotSpecSource } from '../templates/bot-spec-files.js';
import { botSpecDigest } from './bot-spec-digest.js';
import type { PublishedVersions } from './published-versions.js';

/** One problem found in the bot specs or the published-versions lock. */
export interface BotViolation {
  readonly file: string;
  readonly code: BotsError['code'];
  readonly message: string;
}

/** A bot spec that parsed, with its content address. */
export interface BotSpecEntry {
  readonly file: string;
  readonly spec: BotSpecV1;
  readonly digest: ContentAddress;
}

/** The outcome of checking the bot specs against the lock. */
export interface BotValidation {
  readonly specs: readonly BotSpecEntry[];
  readonly violations: readonly BotViolation[];
}

/**
 * Check every bot spec against core's wire model and the published-versions lock: a published
 * version whose spec changed fails (naming the bot, the version and both digests), as does a
 * version defined by two files or a published version whose spec is gone. Unpublished versions
 * (drafts) are fine.
 */
export function validateBots(sources: readonly BotSpecSource[], published: PublishedVersions, lockFile: string): BotValidation {
  const violations: BotViolation[] = [];
  const specs: BotSpecEntry[] = [];
  const byId = new Map<string, BotSpecEntry>();
  for (const source of sources) {
    try {
      const spec = parseBotSpecFile(source);
      const entry = { file: source.file, spec, digest: botSpecDigest(spec) };
      const id = `${spec.name}@${spec.version}`;
      const other = byId.get(id);
      if (other) {
        violations.push({
          file: source.file,
          code: 'ASW-703',
          message: `ASW-703 ${source.file}: bot ${spec.name} version ${spec.version} is already defined in ${other.file}`,
        });
        continue;
      }
      byId.set(id, entry);
      specs.push(entry);
    } catch (error) {
      if (!(error instanceof BotsError)) throw error;
      violations.push({ file: source.file, code: error.code, message: error.message });
    }
  }
  const parsedFiles = new Set(specs.map((entry) => entry.file));
  const unparsed = sources.some((source) => !parsedFiles.has(source.file));
  for (const version of published.versions) {
    const entry = byId.get(`${version.bot}@${version.version}`);
    if (!entry) {
      // While a spec file fails to parse it may be this very version: its parse error is reported instead.
      if (!unparsed) {
        violations.push({
          file: lockFile,
          code: 'ASW-703',
          message: `ASW-703 ${lockFile}: bot ${version.bot} version ${version.version} was published as ${version.digest} but no spec defines it; restore its spec file ${version.bot}@${version.version}.yaml`,
        });
      }
      continue;
    }
    if (entry.digest !== version.digest) {
      violations.push({
        file: entry.file,
        code: 'ASW-702',
        message: `ASW-702 ${entry.file}: bot ${version.bot} version ${version.version} is published and immutable: published ${version.digest}, the spec now hashes to ${entry.digest}. Revert the change, or publish it as a new version (bump \`version\` and rename the file).`,
      });
    }
  }
  return { specs, violations };
}

/**
 * Publish every spec version not yet in the lock: returns the new lock (existing entries are kept
 * as they are, so publishing never rewrites history).
 */
export function publishBotVersions(
  specs: readonly BotSpecEntry[],
  published: PublishedVersions,
): { lock: PublishedVersions; added: readonly string[] } {
  const known = new Set(published.versions.map((version) => `${version.bot}@${version.version}`));
  const fresh = specs
    .filter((entry) => !known.has(`${entry.spec.name}@${entry.spec.version}`))
    .map((entry) => ({ bot: entry.spec.name, version: entry.spec.version, digest: entry.digest }));
  return {
    lock: { ...published, versions: [...published.versions, ...fresh] },
    added: fresh.map((version) => `${version.bot}@${version.version}`),
  };
}

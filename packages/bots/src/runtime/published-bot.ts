import type { BotSpecV1, ContentAddress } from '@alphaswarm/core';
import { BotsError } from '../bots-error.js';
import { botSpecDigest } from '../versioning/bot-spec-digest.js';
import type { PublishedVersions } from '../versioning/published-versions.js';

/** A bot version checked against the published-versions lock, as the BotRuntime accepts it. */
export interface PublishedBot {
  readonly spec: BotSpecV1;
  readonly digest: ContentAddress;
}

const issued = new WeakSet<PublishedBot>();

/**
 * Check a spec against the published-versions lock and return it as a runnable published bot.
 * Only bots made here run: the BotRuntime refuses any other object.
 *
 * @throws BotsError ASW-704 when the version is not published, ASW-702 when the spec changed.
 */
export function resolvePublishedBot(spec: BotSpecV1, published: PublishedVersions): PublishedBot {
  const entry = published.versions.find((version) => version.bot === spec.name && version.version === spec.version);
  if (!entry)
    throw new BotsError(
      'ASW-704',
      `bot ${spec.name} version ${spec.version} is not published; publish it with \`nx run bots:publish\` before running it.`,
    );
  const digest = botSpecDigest(spec);
  if (digest !== entry.digest) {
    throw new BotsError(
      'ASW-702',
      `bot ${spec.name} version ${spec.version} is published and immutable: published ${entry.digest}, this spec hashes to ${digest}.`,
    );
  }
  const bot: PublishedBot = Object.freeze({ spec: structuredClone(spec), digest });
  issued.add(bot);
  return bot;
}

/** True for a bot made by {@link resolvePublishedBot}. */
export function isResolvedPublishedBot(bot: PublishedBot): boolean {
  return issued.has(bot);
}

/**
 * Bots (`alphaswarm_bots`): the BotRuntime contract (the only way to run a bot), bot templates and
 * sample specs validated against core's `BotSpecV1`, and immutable, content-addressed versioning.
 *
 * @packageDocumentation
 */
export { isValidBotName } from './bot-name.js';
export { BotsError } from './bots-error.js';
export type { BotsErrorCode } from './bots-error.js';
export { botSpecDigest } from './versioning/bot-spec-digest.js';
export {
  formatPublishedVersions,
  parsePublishedVersions,
  PublishedVersionSchema,
  PublishedVersionsSchema,
  publishedVersionsFile,
  readPublishedVersions,
} from './versioning/published-versions.js';
export type { PublishedVersion, PublishedVersions } from './versioning/published-versions.js';
export { publishBotVersions, validateBots } from './versioning/validate-bots.js';
export type { BotSpecEntry, BotValidation, BotViolation } from './versioning/validate-bots.js';
export { parseBotSpecFile, readBotSpecSources, templatesDir } from './templates/bot-spec-files.js';
export type { BotSpecSource } from './templates/bot-spec-files.js';
export { strategyKind } from './strategies/bot-strategy.js';
export type { BotStrategy, MarketSnapshot } from './strategies/bot-strategy.js';
export { builtinStrategies, equalWeight, meanReversion, momentum, registerBuiltinStrategies } from './strategies/builtin-strategies.js';
export { isResolvedPublishedBot, resolvePublishedBot } from './runtime/published-bot.js';
export type { PublishedBot } from './runtime/published-bot.js';
export { createBotRuntime } from './runtime/bot-runtime.js';
export type { BotMode, BotRuntime, BotStepInput, BotStepResult } from './runtime/bot-runtime.js';

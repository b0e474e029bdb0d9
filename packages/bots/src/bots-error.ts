/** Stable codes of the bots domain's user errors. */
export type BotsErrorCode =
  /** A bot spec file is not valid YAML, not a valid BotSpecV1, or misnamed. */
  | 'ASW-701'
  /** A published bot version's spec changed. */
  | 'ASW-702'
  /** A published version without its spec, a version defined twice, or a malformed lock. */
  | 'ASW-703'
  /** The BotRuntime refused to run a bot (unpublished, mode not allowed, unknown strategy, instrument outside the universe). */
  | 'ASW-704';

/** A user error of the bots domain: the message names the bot, the file or value, and the fix. */
export class BotsError extends Error {
  constructor(
    readonly code: BotsErrorCode,
    message: string,
  ) {
    super(`${code} ${message}`);
    this.name = 'BotsError';
  }
}

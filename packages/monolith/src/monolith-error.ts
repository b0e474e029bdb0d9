/** Stable codes of the monolith runtime's user errors. */
export type MonolithErrorCode =
  /** Nothing is registered under a component key. */
  | 'ASW-501'
  /** An LLM gateway request that cannot be sent (no messages, unknown prompt, missing variable). */
  | 'ASW-502'
  /** A spec that its runtime refuses. */
  | 'ASW-503'
  /** No runtime is registered for a spec kind. */
  | 'ASW-504';

/** A user error of the monolith runtime: the message names the value and the fix. */
export class MonolithError extends Error {
  constructor(
    readonly code: MonolithErrorCode,
    message: string,
    options?: ErrorOptions,
  ) {
    super(`${code} ${message}`, options);
    this.name = 'MonolithError';
  }
}

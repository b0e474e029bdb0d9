/** Stable codes of the RL subsystem's user errors. */
export type RLErrorCode =
  /** A spec's lock does not match its content. */
  | 'ASW-301'
  /** A spec file is not valid YAML or not a valid RLExperimentSpec. */
  | 'ASW-302'
  /** A spec names a component nobody registered. */
  | 'ASW-303';

/** A user error of the RL subsystem: the message names the spec or file, the bad value and the fix. */
export class RLError extends Error {
  constructor(
    readonly code: RLErrorCode,
    message: string,
  ) {
    super(`${code} ${message}`);
    this.name = 'RLError';
  }
}

/** Stable codes of the CI tools' user errors. */
export type CiErrorCode =
  /** The command line is malformed: an unknown option, a missing value, an unknown domain. */
  | 'ASW-961'
  /** The base or head ref cannot be resolved in this repository. */
  | 'ASW-962'
  /** Nx failed or answered something the tool cannot read. */
  | 'ASW-963'
  /** The graph export is incomplete: Nx did not write a file the page needs. */
  | 'ASW-964'
  /** The release configuration or history cannot be read. */
  | 'ASW-965';

/** A user error of the CI tools: the message names the value and the fix. The CLIs print it and exit 1. */
export class CiError extends Error {
  /** Always `CiError`. */
  override readonly name = 'CiError';

  constructor(
    /** The stable code, printed before the message. */
    readonly code: CiErrorCode,
    /** Names the value and the fix. */
    message: string,
  ) {
    super(`${code} ${message}`);
  }
}

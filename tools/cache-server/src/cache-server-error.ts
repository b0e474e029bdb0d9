/** Stable codes of the cache server's user errors. */
export type CacheServerErrorCode =
  /** The command line is malformed: an unknown option, a missing value. */
  | 'ASW-901'
  /** An option has a value the server cannot use (port, size, log level, grace period). */
  | 'ASW-902'
  /** No tokens were given: neither `--tokens <file>` nor `CACHE_SERVER_TOKENS`. */
  | 'ASW-903'
  /** The tokens file or `CACHE_SERVER_TOKENS` cannot be read or is not a valid tokens document. */
  | 'ASW-904'
  /** The storage cannot be used as configured (folder not writable, limits that contradict each other). */
  | 'ASW-905';

/** A user error of the cache server: the message names the file or value and the fix. */
export class CacheServerError extends Error {
  /** Always `CacheServerError`. */
  override readonly name = 'CacheServerError';

  constructor(
    /** The stable code, printed before the message. */
    readonly code: CacheServerErrorCode,
    /** Names the file or value and the fix. */
    message: string,
  ) {
    super(message);
  }
}

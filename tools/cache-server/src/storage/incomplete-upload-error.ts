/** An upload that did not bring exactly its declared length; nothing was stored for it. */
export class IncompleteUploadError extends Error {
  /** Always `IncompleteUploadError`. */
  override readonly name = 'IncompleteUploadError';

  constructor(
    /** The entry the upload was for. */
    readonly hash: string,
    /** Bytes that arrived before the body ended or failed (or the count that went past `declared`). */
    readonly received: number,
    /** The length the upload declared. */
    readonly declared: number,
    /** The underlying stream error, as `cause`. */
    options?: ErrorOptions,
  ) {
    super(`upload of ${hash} brought ${received} of ${declared} declared bytes; nothing was stored`, options);
  }
}

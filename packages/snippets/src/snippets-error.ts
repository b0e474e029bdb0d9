/** Stable codes of the snippets domain's validation findings and errors. */
export type SnippetsErrorCode =
  /** The provenance index is not valid JSON or not the expected shape. */
  | 'ASW-801'
  /** A snippet's provenance (repository, path, commit, lines) is missing or wrong. */
  | 'ASW-802'
  /** A snippet's licence is missing or not one curated knowledge may use. */
  | 'ASW-803'
  /** A snippet's file is missing, or its content does not match its sha256. */
  | 'ASW-804'
  /** An entry is malformed otherwise (id, annotations, prompts), or a curated file has no entry. */
  | 'ASW-805';

/** A user error of the snippets domain: the message names the entry and the fix. */
export class SnippetsError extends Error {
  constructor(
    readonly code: SnippetsErrorCode,
    message: string,
  ) {
    super(`${code} ${message}`);
    this.name = 'SnippetsError';
  }
}

/** Where a snippet came from: a file of a repository at one commit, and the lines taken. */
export interface SnippetSource {
  /** `owner/name` of a public repository, or `.` for this repository. */
  readonly repository: string;
  /** The file's path inside that repository. */
  readonly path: string;
  /** The full 40-hex commit the lines were taken at. */
  readonly commit: string;
  /** First and last line taken (1-based, inclusive). */
  readonly lines: readonly [number, number];
}

/** A note on some lines of a snippet (1-based, inclusive, counted in the snippet file). */
export interface SnippetAnnotation {
  readonly lines: readonly [number, number];
  readonly note: string;
}

/** One curated snippet of the provenance index. */
export interface SnippetEntry {
  readonly id: string;
  /** The curated file, relative to the package folder (under `curated/`). */
  readonly file: string;
  readonly language: string;
  readonly source: SnippetSource;
  /** An SPDX licence identifier, or `UNLICENSED` for this repository's own code. */
  readonly licence: string;
  /** `sha256:` and the hex SHA-256 of the curated file's bytes. */
  readonly sha256: string;
  readonly annotations: readonly SnippetAnnotation[];
  /** Questions this snippet answers, for retrieval by agents and people. */
  readonly prompts: readonly string[];
}

/** The provenance index (`provenance-index.json`). */
export interface SnippetIndex {
  readonly version: 1;
  readonly snippets: readonly SnippetEntry[];
}

/**
 * Licences curated knowledge may carry: permissive SPDX identifiers, which allow keeping an
 * excerpt with its attribution. `UNLICENSED` is accepted only for this repository's own code.
 */
export const allowedLicences: readonly string[] = Object.freeze([
  '0BSD',
  'Apache-2.0',
  'BSD-2-Clause',
  'BSD-3-Clause',
  'CC0-1.0',
  'ISC',
  'MIT',
  'Unlicense',
]);

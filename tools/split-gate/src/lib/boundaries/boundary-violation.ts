/** What kind of boundary a violation breaks. */
export type ViolationKind =
  /** A file imports a project whose domain its own domain may not import. */
  | 'forbidden-import'
  /** A file of a domain with banned externals (core) imports a banned package. */
  | 'banned-external'
  /** A file imports a legacy deprecation-shim path instead of the new home. */
  | 'legacy-shim-path'
  /** A file reaches into another project by a relative path instead of its package name. */
  | 'relative-import'
  /** A file imports a project that carries no domain tag of the policy. */
  | 'untagged-project';

/** How the checker knows: an Nx file edge (`static`, `dynamic`), a package.json entry, or the source text. */
export type ViolationEvidence = 'static' | 'dynamic' | 'manifest' | 'source';

/** One forbidden dependency of one file, with the seed rule it breaks and what to do instead. */
export interface BoundaryViolation {
  /** Workspace-relative path of the importing file. */
  readonly file: string;
  /** The importing project and its policy domain. */
  readonly project: string;
  readonly domain: string;
  /** The imported project, or `npm:<package>` for an external package. */
  readonly target: string;
  /** The imported project's policy domain (undefined for packages and untagged projects). */
  readonly targetDomain: string | undefined;
  readonly kind: ViolationKind;
  readonly evidence: readonly ViolationEvidence[];
  /** The import specifier, when the source text was read. */
  readonly specifier: string | undefined;
  /** The policy's rule id and the seed sentence it quotes. */
  readonly rule: string;
  readonly seedRule: string;
  readonly fix: string;
}

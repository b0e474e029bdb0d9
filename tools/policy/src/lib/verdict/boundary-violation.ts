import type { SpecifierForm } from '../specifiers/source-specifier.js';

/** What kind of boundary a violation breaks. */
export type ViolationKind =
  /** The importing domain may not import the imported one (both sides of the table must agree). */
  | 'forbidden-import'
  /** The domains may, but the importing project's type may not import the imported project's type. */
  | 'forbidden-type'
  /** A domain with banned externals (core) names a banned package. */
  | 'banned-external'
  /** A legacy deprecation-shim path instead of the new home. */
  | 'legacy-shim-path'
  /** A path into another project's folder instead of its package name. */
  | 'relative-import'
  /** A project the policy cannot place (no domain tag, an unknown tag, no type tag): it, or a project it imports. */
  | 'untagged-project'
  /** A specifier the engine cannot resolve statically, in a strict domain. */
  | 'unverifiable-import'
  /** A file the policy's exceptions let reach another project no longer reaches any of what they name. */
  | 'unused-exception';

/**
 * How the engine knows: the form of the specifier in a source, a dependency in a `package.json`
 * (`manifest`), or the project itself (`project`: a project the policy cannot place).
 */
export type ViolationEvidence = SpecifierForm | 'manifest' | 'project';

/** Sentinel `target` of an unverifiable import: no project can be named. */
export const UNVERIFIABLE_TARGET = '(unverifiable)';

/**
 * One forbidden dependency, located: the file and position, both projects, the seed rule it breaks
 * (quoted from the policy), what to do instead, and the one-line message every front end prints.
 */
export interface BoundaryViolation {
  /** Workspace-relative path of the importing file (a `package.json` for manifest and project evidence). */
  readonly file: string;
  /** 1-based line and column of the specifier (its opening quote). */
  readonly line: number;
  readonly column: number;
  /** The importing project and its domain (undefined when the policy cannot place it). */
  readonly project: string;
  readonly domain: string | undefined;
  /** The imported project, `npm:<package>` for an external package, or {@link UNVERIFIABLE_TARGET}. */
  readonly target: string;
  /** The imported project's domain (undefined for packages and projects the policy cannot place). */
  readonly targetDomain: string | undefined;
  readonly kind: ViolationKind;
  readonly evidence: ViolationEvidence;
  /** The specifier as written, or the expression the engine could not resolve. */
  readonly specifier: string;
  /** The policy's rule id and the seed sentence it quotes. */
  readonly rule: string;
  readonly seedRule: string;
  /** How messages cite the rule: `<rule>: "<seed sentence>"`, or `<rule> (derived from the seed): "<words>"`. */
  readonly citation: string;
  readonly fix: string;
  /** `<project> → <target>: <what is wrong> (<citation>) Fix: <fix>` */
  readonly message: string;
}

/** A violation before it is located in its file: what {@link judgeSpecifier} decides. */
export type BoundaryProblem = Omit<BoundaryViolation, 'file' | 'line' | 'column'>;

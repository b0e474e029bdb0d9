import type { ViolationEvidence, ViolationKind } from '@alphaswarm/policy';

/**
 * One violation the generator injected, located as `pnpm boundaries` locates it: the file (a
 * `package.json` for a manifest or an unplaced project), the 1-based line and column of the
 * specifier's opening quote (of the unresolvable expression; of the `"tags"` key or the dependency
 * name in a manifest; 1:1 for an exception that reaches nothing), the kind, the target project (or
 * `npm:<package>`, or `(unverifiable)`) and how it was written.
 */
export interface InjectedViolation {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly kind: ViolationKind;
  readonly target: string;
  readonly evidence: ViolationEvidence;
  /** The specifier or expression as written (for people reading the file). */
  readonly specifier: string;
}

/** The ground-truth file the generator writes beside the workspace (`ground-truth.json`). */
export interface GroundTruth {
  readonly generator: { readonly projects: number; readonly filesPerProject: number; readonly seed: number };
  /** Source files (JavaScript and TypeScript) in projects, and projects (the unplaced one included). */
  readonly files: number;
  readonly projects: number;
  /** Sorted by file, line and column; at most one per file. */
  readonly violations: readonly InjectedViolation[];
}

/** The name of the ground-truth file, in the folder the generator writes to (outside the workspace it generates). */
export const GROUND_TRUTH_FILE = 'ground-truth.json';

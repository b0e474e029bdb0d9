import type { PolicyDomain, PolicyType } from '../policy-schema.js';

/** A workspace project as the boundary engine needs it: where it lives, its package name and its tags. */
export interface BoundaryProject {
  /** The Nx project name. */
  readonly name: string;
  /** Workspace-relative folder with `/` separators, e.g. `packages/core`. */
  readonly root: string;
  /** The `name` of its package.json, when it has one. */
  readonly packageName: string | undefined;
  readonly tags: readonly string[];
}

/**
 * Where a project stands in the policy: its domain and type, or why it has none. A project that
 * is not placed is itself a violation, and so is every import it makes or receives.
 */
export type ProjectStanding =
  | { readonly placed: true; readonly domain: PolicyDomain; readonly type: PolicyType }
  | { readonly placed: false; readonly domain: PolicyDomain | undefined; readonly problem: string; readonly fix: string };

/** The five criteria of the Future Repo Split Gate, in the order the seed lists them. */
export const criterionIds = ['docs', 'packaging', 'boundaries', 'contracts', 'isolation'] as const;
export type CriterionId = (typeof criterionIds)[number];

/**
 * One criterion's verdict. `ok: null` means it was not judged because `blockedBy` failed (one
 * cause fails one criterion); `detail` says what was checked, exactly what is missing, or what it
 * waits for.
 */
export type GateCriterion =
  | { readonly id: CriterionId; readonly ok: boolean; readonly detail: string }
  | { readonly id: CriterionId; readonly ok: null; readonly blockedBy: CriterionId; readonly detail: string };

/** Whether a domain's deep proof was computed for the files the workspace has now. */
export type DeepStatus = 'fresh' | 'stale' | 'missing';

/** The deep proof of a domain: assembled alone, installed, validated. */
export interface DeepVerdict {
  readonly status: DeepStatus;
  /** The proof's verdict, when there is one (a stale proof's verdict is about other files). */
  readonly ok: boolean | undefined;
  readonly detail: string;
}

/** A domain is ready to become its own repository when the five criteria pass and its deep proof is fresh and passes. */
export interface DomainVerdict {
  readonly domain: string;
  readonly ready: boolean;
  readonly criteria: readonly GateCriterion[];
  readonly deep: DeepVerdict;
}

/** A project of the monolith: it stays in the monorepo; the domains that still need it wait for it. */
export interface StayingProject {
  readonly project: string;
  readonly domain: string;
  /** The candidate domains whose static closure reaches it, with the path. */
  readonly blocks: readonly { readonly domain: string; readonly path: readonly string[] }[];
}

/** One step of the seed's migration order, with its status computed from the workspace. */
export interface MigrationStep {
  readonly step: number;
  /** The step as the seed words it. */
  readonly seed: string;
  readonly status: 'done' | 'pending' | 'blocked';
  readonly evidence: string;
}

/** A project the boundary policy cannot place: it belongs to no domain, so to no future repository. */
export interface UnplacedProject {
  readonly project: string;
  /** Where its tags live (its package.json). */
  readonly file: string;
  /** What is wrong with its tags and how to fix them. */
  readonly detail: string;
}

/** What `pnpm gate --json` prints. */
export interface GateReport {
  readonly domains: readonly DomainVerdict[];
  readonly staying: readonly StayingProject[];
  readonly migration: readonly MigrationStep[];
  /** Projects outside every domain; `pnpm boundaries` fails until each is tagged. */
  readonly unplaced?: readonly UnplacedProject[];
}

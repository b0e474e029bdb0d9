/** The five criteria of the Future Repo Split Gate, in the order the seed lists them. */
export const criterionIds = ['docs', 'packaging', 'boundaries', 'contracts', 'isolation'] as const;
export type CriterionId = (typeof criterionIds)[number];

/** One criterion's verdict; `detail` says what was checked or exactly what is missing. */
export interface GateCriterion {
  readonly id: CriterionId;
  readonly ok: boolean;
  readonly detail: string;
}

/** A domain is ready to become its own repository when every criterion is ok. */
export interface DomainVerdict {
  readonly domain: string;
  readonly ready: boolean;
  readonly criteria: readonly GateCriterion[];
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
  /** Projects outside every domain; `pnpm boundaries` fails until each is tagged. */
  readonly unplaced?: readonly UnplacedProject[];
}

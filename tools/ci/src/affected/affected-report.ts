import type { ChangedFile } from './changed-files.js';
import type { ProjectReason } from './explain-projects.js';
import type { TaskChoice } from './select-tasks.js';

/** The targets `pnpm affected` validates when `-t` is not given; a project runs those it has. */
export const VALIDATION_TARGETS: readonly string[] = ['lint', 'typecheck', 'build', 'test', 'validate', 'api-report', 'gate'];

/** One affected project of the domain and why. */
export interface AffectedProject {
  readonly name: string;
  readonly reasons: readonly ProjectReason[];
}

/** One task Nx ran (or would run). */
export interface RanTask {
  readonly id: string;
  /** Nx's status (`success`, `failure`, `local-cache`, `remote-cache`, `skipped`, …), or `planned` in a dry run. */
  readonly status: string;
  /** Not chosen, but a task a chosen one depends on (Nx runs it first or restores it from a cache). */
  readonly prerequisite: boolean;
  /**
   * Whether one of its inputs changed. A prerequisite whose inputs did not change has the same hash
   * as at the base, so a cache holding the base's result (CI's remote cache, a warm local cache)
   * restores it instead of running it.
   */
  readonly inputsChanged: boolean;
}

/** What `pnpm affected <domain>` decided and did; `--json` prints exactly this. */
export interface AffectedReport {
  readonly domain: string;
  /** The projects of the domain (from the policy's tags). */
  readonly domainProjects: readonly string[];
  readonly base: string;
  readonly baseSource: string;
  /** `null`: the working tree. */
  readonly head: string | null;
  readonly mergeBase: string;
  readonly targets: readonly string[];
  readonly changedFiles: readonly ChangedFile[];
  /** The domain's projects Nx counts as affected, with the reasons. */
  readonly projects: readonly AffectedProject[];
  /** Every requested task of the affected projects: chosen or not, and why. */
  readonly tasks: readonly TaskChoice[];
  /** The Nx commands run (or, in a dry run, that would run), one per group of projects with the same chosen targets. */
  readonly commands: readonly string[];
  /** What Nx ran, chosen tasks and prerequisites, with their status. Empty when nothing is affected. */
  readonly ran: readonly RanTask[];
  readonly dryRun: boolean;
  /** Every task that ran succeeded (or, in a dry run, true). */
  readonly ok: boolean;
}

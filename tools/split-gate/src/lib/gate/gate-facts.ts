import type { ApiReportStatus } from '@alphaswarm/api-report';
import type { BoundaryViolation } from '../boundaries/boundary-violation.js';
import type { DeepRecord } from '../deep/deep-record.js';
import type { PackageRecord } from '../package/package-record.js';
import type { ProjectDocs } from './check-docs.js';

/** One API report of a project, now and at the base ref. */
export interface ReportAtBase {
  /** Report path relative to the project folder (`api/index.api.md`). */
  readonly report: string;
  /** The checked-in report now (undefined when missing). */
  readonly current: string | undefined;
  /** The report at the base ref (undefined when it did not exist there). */
  readonly base: string | undefined;
}

/** What was read and run for one project. */
export interface ProjectFacts extends ProjectDocs {
  /** The package-check record, or why there is none (its task, or a task it needs, did not succeed). */
  readonly packaging: { readonly record: PackageRecord } | { readonly notChecked: string };
  /** The api-report task: its reports match the code, or what differs, or why it did not run. */
  readonly apiReports:
    | { readonly ok: true }
    | { readonly ok: false; readonly statuses: readonly ApiReportStatus[] }
    | { readonly ok: false; readonly error: string };
  /** The version in package.json now, and at the base ref (undefined when the package is new there). */
  readonly version: string | undefined;
  readonly baseVersion: string | undefined;
  readonly reports: readonly ReportAtBase[];
}

/** The ref the contracts criterion compares with, or why there is none. */
export type BaseRef = { readonly ref: string; readonly commit: string } | { readonly error: string };

/** A domain's deep proof on disk, and whether it was computed for the files the workspace has now. */
export interface DeepFacts {
  readonly record: DeepRecord | undefined;
  readonly fresh: boolean;
  /** Why the proof could not be computed this run, when `--deep` asked for it and it failed to run. */
  readonly notComputed?: string;
}

/** Everything the pure gate evaluation needs besides the policy and the graph. */
export interface GateFacts {
  readonly projects: ReadonlyMap<string, ProjectFacts>;
  readonly violations: readonly BoundaryViolation[];
  readonly base: BaseRef;
  /** By domain. */
  readonly deep: ReadonlyMap<string, DeepFacts>;
  /** Project → monolith project it imports directly → the names its files take from it (what still binds it to the monolith). */
  readonly monolithUses?: ReadonlyMap<string, ReadonlyMap<string, readonly string[]>>;
}

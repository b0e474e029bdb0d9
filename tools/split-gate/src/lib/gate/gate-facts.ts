import type { ApiReportStatus } from '@alphaswarm/api-report';
import type { BoundaryViolation } from '../boundaries/boundary-violation.js';

/** What was read from one project's folder for the gate. */
export interface ProjectFacts {
  /** README.md and AGENTS.md texts (undefined when the file is missing). */
  readonly readme: string | undefined;
  readonly agents: string | undefined;
  /** package.json, parsed (undefined when missing or not JSON). */
  readonly manifest: Readonly<Record<string, unknown>> | undefined;
  /** The build of the project: ok, or what failed. */
  readonly build: { readonly ok: true } | { readonly ok: false; readonly error: string };
  /** The API report check: statuses per entry point, or the error that stopped it. */
  readonly apiReports:
    | { readonly ok: true; readonly statuses: readonly ApiReportStatus[]; readonly reported: Readonly<Record<string, string | undefined>> }
    | { readonly ok: false; readonly error: string };
}

/** Everything the pure gate evaluation needs besides the policy and the graph. */
export interface GateFacts {
  readonly projects: ReadonlyMap<string, ProjectFacts>;
  readonly violations: readonly BoundaryViolation[];
  /** Project → monolith project it imports directly → the names its files take from it (what still binds it to the monolith). */
  readonly monolithUses?: ReadonlyMap<string, ReadonlyMap<string, readonly string[]>>;
}

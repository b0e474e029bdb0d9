/**
 * CI per future repository: `pnpm affected <domain>` (the affected projects and tasks of one domain,
 * and why), the offline graph export, and the switch that turns the remote cache on in CI jobs.
 *
 * @packageDocumentation
 */
export { CiError } from './ci-error.js';
export type { CiErrorCode } from './ci-error.js';
export { VALIDATION_TARGETS } from './affected/affected-report.js';
export type { AffectedProject, AffectedReport, RanTask } from './affected/affected-report.js';
export type { ChangedFile } from './affected/changed-files.js';
export { describeReason, explainProject, ownerOf } from './affected/explain-projects.js';
export type { ProjectFacts, ProjectReason } from './affected/explain-projects.js';
export { formatAffected } from './affected/format-affected.js';
export { resolveRange } from './affected/resolve-range.js';
export type { CommitRange, RangeOptions } from './affected/resolve-range.js';
export { commandsFor, runAffected } from './affected/run-affected.js';
export type { AffectedOptions } from './affected/run-affected.js';
export { prerequisitesOf, selectTasks } from './affected/select-tasks.js';
export type { TaskChoice } from './affected/select-tasks.js';
export { parseTaskGraph } from './nx/task-graph.js';
export type { TaskGraph } from './nx/task-graph.js';

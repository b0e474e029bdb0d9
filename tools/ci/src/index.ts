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
export { exportGraph, GRAPH_DIR, localReferences } from './graph/export-graph.js';
export type { GraphExport } from './graph/export-graph.js';
export { decideRemoteCache, JOB_TOKEN_ENV } from './remote-cache/decide-remote-cache.js';
export type { RemoteCacheDecision } from './remote-cache/decide-remote-cache.js';
export { CHROMIUM_ARGS, CHROMIUM_INSTALL_HINT, CHROMIUM_PATH, chromiumLaunchOptions, findChromium } from './browser/chromium.js';
export { contractBump, reportsChangedSince, updateReportHeaders } from './release/contract-rules.js';
export type { ContractBump, ReportTree } from './release/contract-rules.js';
export { rootInputsOf } from './affected/root-inputs.js';
export type { InputDefinition } from './affected/root-inputs.js';
export { missingIn, workflowCommands } from './workflow/workflow-commands.js';
export type { WorkflowCommand, WorkspaceCommands } from './workflow/workflow-commands.js';

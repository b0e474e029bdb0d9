/**
 * The Future Repo Split Gate and the whole-workspace boundary checker: pure evaluation functions
 * over a {@link WorkspaceGraph} (what the CLIs `pnpm boundaries`, `pnpm gate` and `pnpm docs:update`
 * feed from the Nx project graph), so tests and benchmarks can feed synthetic graphs.
 *
 * @packageDocumentation
 */
export { SplitGateError } from './lib/split-gate-error.js';
export type {
  EdgeType,
  ProjectEdge,
  ProjectFile,
  TargetDependency,
  WorkspaceGraph,
  WorkspaceProject,
  WorkspaceTarget,
} from './lib/workspace-graph.js';
export { loadWorkspaceGraph } from './lib/nx/load-workspace-graph.js';
export type { BoundaryViolation, ViolationEvidence, ViolationKind } from './lib/boundaries/boundary-violation.js';
export { checkBoundaries } from './lib/boundaries/check-boundaries.js';
export { compareProjects } from './lib/boundaries/compare-projects.js';
export type { BoundaryReport } from './lib/boundaries/check-boundaries.js';
export { criterionIds } from './lib/gate/gate-report.js';
export type {
  CriterionId,
  DeepStatus,
  DeepVerdict,
  DomainVerdict,
  GateCriterion,
  GateReport,
  MigrationStep,
  StayingProject,
} from './lib/gate/gate-report.js';
export type { BaseRef, DeepFacts, GateFacts, ProjectFacts, ReportAtBase } from './lib/gate/gate-facts.js';
export { candidateDomains, evaluateGate, gateDomains, projectsOfDomain, stayingProjects } from './lib/gate/evaluate-gate.js';
export { migrationSteps, seedMigrationOrder } from './lib/gate/migration-steps.js';
export { taskClosure } from './lib/gate/task-closure.js';
export type { TaskClosure } from './lib/gate/task-closure.js';
export { runGate } from './lib/gate/run-gate.js';
export { staticClosure } from './lib/gate/static-closure.js';
export type { StaticClosure } from './lib/gate/static-closure.js';
export { validationCommands } from './lib/gate/validation-commands.js';
export type { NxTask, ValidationCommand } from './lib/gate/validation-commands.js';
export { runDeep } from './lib/deep/run-deep.js';
export type { DeepRecord, DeepStep } from './lib/deep/deep-record.js';
export { checkPackage } from './lib/package/check-package.js';
export type { PackageRecord } from './lib/package/package-record.js';
export { consumerFiles } from './lib/package/consumer-lockfile.js';
export { runNxTasks } from './lib/nx/run-nx-tasks.js';
export type { NxTaskResult, NxTaskRun, NxTaskStatus } from './lib/nx/run-nx-tasks.js';
export { renderDomainMap } from './lib/docs/render-domain-map.js';
export { renderLegacyImports } from './lib/docs/render-legacy-imports.js';

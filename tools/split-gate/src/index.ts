/**
 * The Future Repo Split Gate and the whole-workspace boundary checker: pure evaluation functions
 * over a {@link WorkspaceGraph} (what the CLIs `pnpm boundaries`, `pnpm gate` and `pnpm docs:update`
 * feed from the Nx project graph), so tests and benchmarks can feed synthetic graphs.
 *
 * @packageDocumentation
 */
export { SplitGateError } from './lib/split-gate-error.js';
export type { EdgeType, ProjectEdge, WorkspaceGraph, WorkspaceProject } from './lib/workspace-graph.js';
export { loadWorkspaceGraph } from './lib/nx/load-workspace-graph.js';
export type { BoundaryViolation, ViolationEvidence, ViolationKind } from './lib/boundaries/boundary-violation.js';
export { checkBoundaries } from './lib/boundaries/check-boundaries.js';
export { compareProjects } from './lib/boundaries/compare-projects.js';
export type { BoundaryReport } from './lib/boundaries/check-boundaries.js';
export { criterionIds } from './lib/gate/gate-report.js';
export type { CriterionId, DomainVerdict, GateCriterion, GateReport } from './lib/gate/gate-report.js';
export type { GateFacts, ProjectFacts } from './lib/gate/gate-facts.js';
export { evaluateGate, gateDomains, projectsOfDomain } from './lib/gate/evaluate-gate.js';
export { runGate } from './lib/gate/run-gate.js';
export { staticClosure } from './lib/gate/static-closure.js';
export type { StaticClosure } from './lib/gate/static-closure.js';
export { validationCommands } from './lib/gate/validation-commands.js';
export type { NxTask, ValidationCommand } from './lib/gate/validation-commands.js';
export { runDeep } from './lib/deep/run-deep.js';
export { renderDomainMap } from './lib/docs/render-domain-map.js';
export { renderLegacyImports } from './lib/docs/render-legacy-imports.js';
export type { DeepResult, DeepStep } from './lib/deep/run-deep.js';

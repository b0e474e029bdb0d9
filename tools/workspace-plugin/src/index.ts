/**
 * The AlphaSwarm workspace's Nx generators, for programmatic use (the CLI reads generators.json):
 * add a domain library, move a module behind a deprecation shim.
 *
 * @packageDocumentation
 */
export { domainGenerator } from './generators/domain/domain.js';
export { moveModuleGenerator } from './generators/move-module/move-module.js';
export { ciWorkflowGenerator } from './generators/ci-workflow/ci-workflow.js';
export type { CiWorkflowSyncResult } from './generators/ci-workflow/ci-workflow.js';
export {
  CI_WORKFLOW_HEADER,
  CI_WORKFLOW_PATH,
  DOMAIN_TARGETS,
  domainJobs,
  renderCiWorkflow,
} from './generators/ci-workflow/render-ci-workflow.js';
export type { DomainJob, GateMode, WorkflowOptions } from './generators/ci-workflow/render-ci-workflow.js';
export { PINNED_ACTIONS } from './generators/ci-workflow/pinned-actions.js';
export type { PinnedAction } from './generators/ci-workflow/pinned-actions.js';

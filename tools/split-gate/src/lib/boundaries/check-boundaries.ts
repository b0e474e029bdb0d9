import { checkWorkspace, type BoundaryWorkspace, type WorkspaceCheck } from '@alphaswarm/policy';
import { SplitGateError } from '../split-gate-error.js';
import type { WorkspaceGraph } from '../workspace-graph.js';
import { compareProjects } from './compare-projects.js';

/** The boundary verdict of a workspace, with what it looked at (the engine's `WorkspaceCheck`). */
export type BoundaryReport = WorkspaceCheck;

/**
 * Judge every project of the workspace with the boundary engine (the code ESLint's rule runs),
 * after checking that the engine sees the projects the Nx graph has: a project Nx knows and the
 * engine (hence ESLint) would not judge is a user error, not a silent pass. Every source is read
 * from disk, so no Nx cache can make the verdict stale.
 */
export function checkBoundaries(root: string, workspace: BoundaryWorkspace, graph: Pick<WorkspaceGraph, 'projects'>): BoundaryReport {
  assertSameProjects(workspace, graph);
  return checkWorkspace(root, workspace);
}

/**
 * Throw unless the engine's project discovery and the Nx graph see the same projects, with the
 * same names and policy tags ({@link compareProjects}).
 *
 * @throws SplitGateError ASW-1214 listing every difference.
 */
export function assertSameProjects(workspace: BoundaryWorkspace, graph: Pick<WorkspaceGraph, 'projects'>): void {
  const differences = compareProjects(workspace, graph);
  if (differences.length > 0) {
    throw new SplitGateError(
      'ASW-1214',
      `the boundary engine and Nx see different projects, so ESLint and pnpm boundaries could not judge every project Nx knows:\n${differences.map((difference) => `  - ${difference}`).join('\n')}\nkeep every project in a folder that pnpm-workspace.yaml's "packages" globs reach, with its name and tags in its package.json (nx.name, nx.tags) or project.json`,
    );
  }
}

import type { BoundaryWorkspace } from '@alphaswarm/policy';
import type { WorkspaceGraph } from '../workspace-graph.js';

const policyTags = (tags: readonly string[]): string =>
  [...tags]
    .filter((tag) => /^(domain|type):/.test(tag))
    .sort()
    .join(' ');

/**
 * Where the Nx project graph and the boundary engine's own project discovery (which ESLint uses)
 * disagree: a project only one of them sees, or one they name, root or tag differently. Each
 * entry says what differs; none means ESLint and `pnpm boundaries` judge the projects Nx knows.
 */
export function compareProjects(workspace: BoundaryWorkspace, graph: Pick<WorkspaceGraph, 'projects'>): string[] {
  const engine = new Map(workspace.projects.map((project) => [project.root, project]));
  const nx = new Map(graph.projects.map((project) => [project.root, project]));
  const differences: string[] = [];
  for (const [root, project] of nx) {
    const seen = engine.get(root);
    if (!seen) differences.push(`Nx has project ${project.name} at ${root}, which pnpm-workspace.yaml's "packages" globs do not reach`);
    else if (seen.name !== project.name) differences.push(`${root} is project ${project.name} for Nx but ${seen.name} for the engine`);
    else if (policyTags(seen.tags) !== policyTags(project.tags))
      differences.push(
        `${project.name} is tagged [${policyTags(project.tags)}] for Nx but [${policyTags(seen.tags)}] in its package.json/project.json`,
      );
  }
  for (const [root, project] of engine) {
    if (!nx.has(root)) differences.push(`${root} (${project.name}) is a workspace package that Nx does not list as a project`);
  }
  return differences;
}

import { bannedExternalsOf, domainOfTags, type Policy } from '@alphaswarm/policy';
import type { WorkspaceGraph } from '../workspace-graph.js';

const sourceFile = /\.(?:[cm]?[jt]sx?)$/;

/**
 * The files whose source text the checker must read, because the graph alone cannot tell:
 * files with an edge to another workspace project (was it a relative path? a legacy shim
 * subpath? Nx records only the project), files of projects that own legacy shims (a shim path
 * imported from inside its own package leaves no edge), and files of domains with banned
 * externals (Nx records no edge to a package that is not installed). Every other file is judged
 * from the graph alone.
 */
export function filesNeedingSource(policy: Policy, graph: WorkspaceGraph): { readonly file: string; readonly project: string }[] {
  const shimOwners = new Set(policy.shims.map((shim) => shim.project));
  const bannedProjects = new Set(
    graph.projects
      .filter((project) => bannedExternalsOf(policy, domainOfTags(policy, project.tags)?.name ?? '') !== undefined)
      .map((project) => project.name),
  );
  const workspaceProjects = new Set(graph.projects.map((project) => project.name));
  return graph.files
    .filter(
      ({ file, project, deps }) =>
        sourceFile.test(file) &&
        (shimOwners.has(project) ||
          bannedProjects.has(project) ||
          deps.some((dep) => dep.target !== project && workspaceProjects.has(dep.target))),
    )
    .map(({ file, project }) => ({ file, project }));
}

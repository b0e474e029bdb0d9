import { createProjectGraphAsync, workspaceRoot, type ProjectGraph } from '@nx/devkit';
import { resolve } from 'node:path';
import { SplitGateError } from '../split-gate-error.js';
import type { ProjectEdge, WorkspaceGraph, WorkspaceProject } from '../workspace-graph.js';

/**
 * Compute the Nx project graph of the workspace this process runs in (Nx finds its root from the
 * working directory) through the public devkit API, and reduce it to a {@link WorkspaceGraph}.
 *
 * @param root the workspace root the caller expects; a mismatch is a user error.
 */
export async function loadWorkspaceGraph(root: string): Promise<WorkspaceGraph> {
  if (resolve(workspaceRoot) !== resolve(root)) {
    throw new SplitGateError(
      'ASW-1204',
      `Nx found the workspace at ${workspaceRoot}, not at ${root}: run the command from the workspace root`,
    );
  }
  let graph: ProjectGraph;
  try {
    graph = await createProjectGraphAsync({ exitOnError: false });
  } catch (error) {
    throw new SplitGateError(
      'ASW-1205',
      `Nx could not compute the project graph: ${(error as Error).message.split('\n')[0]}; run \`pnpm nx show projects\` to see the full error`,
    );
  }
  return toWorkspaceGraph(graph);
}

/** Reduce an Nx project graph and its file dependencies to plain values. */
export function toWorkspaceGraph(graph: ProjectGraph): WorkspaceGraph {
  const projects: WorkspaceProject[] = Object.values(graph.nodes)
    .map((node) => ({
      name: node.name,
      root: node.data.root,
      tags: node.data.tags ?? [],
      packageName: node.data.metadata?.js?.packageName,
      targets: Object.fromEntries(
        Object.entries(node.data.targets ?? {}).map(([target, config]) => [
          target,
          {
            outputs: (config.outputs ?? []).map((output) =>
              output.replaceAll('{projectRoot}', node.data.root).replaceAll('{workspaceRoot}/', ''),
            ),
            dependsOnProjects: (config.dependsOn ?? []).flatMap((entry) =>
              typeof entry === 'object' && entry.projects !== undefined
                ? [entry.projects].flat().filter((name) => graph.nodes[name] !== undefined)
                : [],
            ),
          },
        ]),
      ),
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
  const edges: ProjectEdge[] = Object.values(graph.dependencies)
    .flat()
    .filter((edge) => graph.nodes[edge.target] !== undefined)
    .map((edge) => ({ source: edge.source, target: edge.target, type: edge.type as ProjectEdge['type'] }));
  const externalPackages = Object.fromEntries(Object.values(graph.externalNodes ?? {}).map((node) => [node.name, node.data.packageName]));
  return { projects, edges, externalPackages };
}

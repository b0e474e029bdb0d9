import {
  createProjectFileMapUsingProjectGraph,
  createProjectGraphAsync,
  workspaceRoot,
  type ProjectGraph,
  type TargetDependencyConfig,
} from '@nx/devkit';
import { resolve } from 'node:path';
import { SplitGateError } from '../split-gate-error.js';
import type { ProjectEdge, ProjectFile, TargetDependency, WorkspaceGraph, WorkspaceProject } from '../workspace-graph.js';

/**
 * Compute the Nx project graph of the workspace this process runs in (Nx finds its root from the
 * working directory) and reduce it, with each project's files, to a {@link WorkspaceGraph}.
 *
 * @param root the workspace root the caller expects; a mismatch is a user error.
 */
export async function loadWorkspaceGraph(root: string): Promise<WorkspaceGraph> {
  const graph = await computeProjectGraph(root);
  const fileMap = await createProjectFileMapUsingProjectGraph(graph);
  const files = Object.entries(fileMap)
    .flatMap(([project, entries]) => entries.map((entry) => ({ file: entry.file, project })))
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return toWorkspaceGraph(graph, files);
}

/**
 * The projects of the Nx project graph (names, roots, tags, targets), without reading which files
 * each project owns: what `pnpm boundaries` compares with the engine's own project discovery.
 */
export async function loadNxProjects(root: string): Promise<Pick<WorkspaceGraph, 'projects'>> {
  return { projects: toWorkspaceGraph(await computeProjectGraph(root), []).projects };
}

async function computeProjectGraph(root: string): Promise<ProjectGraph> {
  if (resolve(workspaceRoot) !== resolve(root)) {
    throw new SplitGateError(
      'ASW-1204',
      `Nx found the workspace at ${workspaceRoot}, not at ${root}: run the command from the workspace root`,
    );
  }
  try {
    return await createProjectGraphAsync({ exitOnError: false });
  } catch (error) {
    throw new SplitGateError(
      'ASW-1205',
      `Nx could not compute the project graph: ${(error as Error).message.split('\n')[0]}; run \`pnpm nx show projects\` to see the full error`,
    );
  }
}

/** One `dependsOn` entry of Nx's configuration, normalised (`^build` → build on the dependencies). */
export function targetDependency(entry: string | TargetDependencyConfig, target: string): TargetDependency {
  if (typeof entry === 'string') {
    return entry.startsWith('^') ? { target: entry.slice(1), projects: 'dependencies' } : { target: entry, projects: 'self' };
  }
  const named = entry.target ?? target;
  if (entry.dependencies) return { target: named, projects: 'dependencies' };
  if (entry.projects !== undefined) return { target: named, projects: [entry.projects].flat() };
  return { target: named, projects: 'self' };
}

/** Reduce an Nx project graph and its projects' files to plain values. */
export function toWorkspaceGraph(graph: ProjectGraph, files: readonly ProjectFile[]): WorkspaceGraph {
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
            dependsOn: (config.dependsOn ?? []).map((entry) => targetDependency(entry, target)),
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
  return { projects, edges, files, externalPackages };
}

import type { ProjectEdge, WorkspaceGraph } from '../workspace-graph.js';

/** The projects a set of projects needs to build and test: static and dynamic edges, transitively. */
export interface StaticClosure {
  /** Every project reached, the start projects included, sorted. */
  readonly projects: readonly string[];
  /** Implicit edges leaving the closure's projects: declared for `nx affected`, not code, so not followed. */
  readonly implicit: readonly ProjectEdge[];
  /** The dependency path from a start project to `project` (both included). */
  pathTo(project: string): readonly string[];
}

/**
 * Follow static and dynamic project edges (code imports and package.json dependencies) from
 * `start`. Implicit edges (e.g. deployment → the projects it packages) are not followed: they
 * make `nx affected` reach a project without a code dependency, which is integration, not what
 * the domain needs to build and run its own checks.
 */
export function staticClosure(graph: WorkspaceGraph, start: readonly string[]): StaticClosure {
  const outgoing = new Map<string, ProjectEdge[]>();
  for (const edge of graph.edges) outgoing.set(edge.source, [...(outgoing.get(edge.source) ?? []), edge]);
  const parent = new Map<string, string | undefined>(start.map((project) => [project, undefined]));
  const queue = [...start];
  const implicit: ProjectEdge[] = [];
  for (let project = queue.shift(); project !== undefined; project = queue.shift()) {
    for (const edge of outgoing.get(project) ?? []) {
      if (edge.type === 'implicit') {
        implicit.push(edge);
        continue;
      }
      if (parent.has(edge.target)) continue;
      parent.set(edge.target, project);
      queue.push(edge.target);
    }
  }
  return {
    projects: [...parent.keys()].sort(),
    implicit: implicit.sort((a, b) => a.source.localeCompare(b.source) || a.target.localeCompare(b.target)),
    pathTo(project) {
      const path: string[] = [];
      for (let step: string | undefined = project; step !== undefined && parent.has(step); step = parent.get(step)) path.unshift(step);
      return path;
    },
  };
}

import type { WorkspaceGraph } from '../workspace-graph.js';
import type { NxTask } from './validation-commands.js';

/** Every task some tasks need before they can run, as Nx would schedule them. */
export interface TaskClosure {
  /** Task ids (`project:target`), the start tasks included, sorted. */
  readonly tasks: readonly string[];
  /** The chain of tasks from a start task to `task` (both included). */
  pathTo(task: string): readonly string[];
}

export const taskId = (task: NxTask): string => `${task.project}:${task.target}`;

/**
 * Expand tasks through their targets' `dependsOn`, the way Nx builds its task graph: `target` on
 * the same project, named projects, and `^target` on every project the graph says the project
 * depends on (static, dynamic and implicit edges alike) — passing through a dependency that lacks
 * the target to its own dependencies. Pure: the gate's isolation criterion asks which projects the
 * validation tasks reach; an end-to-end spec holds it to `nx run-many --graph`.
 */
export function taskClosure(graph: WorkspaceGraph, start: readonly NxTask[]): TaskClosure {
  const projects = new Map(graph.projects.map((project) => [project.name, project]));
  const outgoing = new Map<string, string[]>();
  for (const edge of graph.edges) outgoing.set(edge.source, [...(outgoing.get(edge.source) ?? []), edge.target]);
  const parent = new Map<string, string | undefined>();
  const seen = new Set<string>();
  const hasTarget = (project: string, target: string): boolean => projects.get(project)?.targets[target] !== undefined;

  const reach = (from: string | undefined, task: NxTask): void => {
    const id = taskId(task);
    if (parent.has(id)) return;
    parent.set(id, from);
    expand(task, task.project);
  };
  const expand = (task: NxTask, derivedFrom: string): void => {
    const key = `${taskId(task)}@${derivedFrom}`;
    if (seen.has(key)) return;
    seen.add(key);
    const id = taskId(task);
    for (const dependency of projects.get(task.project)?.targets[task.target]?.dependsOn ?? []) {
      if (dependency.projects === 'self') {
        if (hasTarget(task.project, dependency.target)) reach(id, { project: task.project, target: dependency.target });
      } else if (dependency.projects === 'dependencies') {
        for (const project of outgoing.get(derivedFrom) ?? []) {
          if (hasTarget(project, dependency.target)) reach(id, { project, target: dependency.target });
          else expand(task, project);
        }
      } else {
        for (const project of dependency.projects)
          if (hasTarget(project, dependency.target)) reach(id, { project, target: dependency.target });
      }
    }
  };
  for (const task of start) if (hasTarget(task.project, task.target)) reach(undefined, task);
  return {
    tasks: [...parent.keys()].sort(),
    pathTo(task) {
      const path: string[] = [];
      for (let step: string | undefined = task; step !== undefined && parent.has(step); step = parent.get(step)) path.unshift(step);
      return path;
    },
  };
}

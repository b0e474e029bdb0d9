import type { TaskGraph } from '../nx/task-graph.js';
import type { ChangedFile } from './changed-files.js';
import { changedFilesOf, EXTERNAL_DEPENDENCY_FILES, parsePlanEntry } from './plan-entries.js';
import { MAX_LISTED } from './select-tasks.js';

/** Why Nx counts a project as affected. */
export type ProjectReason =
  /** Files inside the project changed. */
  | { readonly kind: 'changed'; readonly files: readonly string[] }
  /** Root files that one of its tasks declares as an input changed (`{workspaceRoot}/…`, nx.json). */
  | { readonly kind: 'root-input'; readonly files: readonly string[] }
  /** The lockfile or the root package.json changed, and its tasks hash external packages. */
  | { readonly kind: 'external'; readonly files: readonly string[] }
  /** It depends, through `path`, on a project whose files changed. */
  | { readonly kind: 'dependency'; readonly path: readonly string[]; readonly files: readonly string[] }
  /** Nx says so and none of the above explains it (kept: Nx's verdict is what CI runs). */
  | { readonly kind: 'nx'; readonly detail: string };

/** The project graph facts the explanation needs. */
export interface ProjectFacts {
  /** Project name → root folder. */
  readonly roots: ReadonlyMap<string, string>;
  /** Project name → the workspace projects it depends on (any edge type). */
  readonly dependencies: ReadonlyMap<string, readonly string[]>;
  /** Project name → the `{workspaceRoot}/…` globs its targets declare as inputs (see `rootInputsOf`). */
  readonly rootInputs: ReadonlyMap<string, readonly string[]>;
}

/** The project whose root holds `file` (the deepest one), if any. */
export function ownerOf(file: string, roots: ReadonlyMap<string, string>): string | undefined {
  let best: { name: string; length: number } | undefined;
  for (const [name, root] of roots) {
    if ((file.startsWith(`${root}/`) || root === '.') && (best === undefined || root.length > best.length))
      best = { name, length: root.length };
  }
  return best?.name;
}

/** Reasons of one affected project, most direct first; never empty. */
export function explainProject(project: string, changed: readonly ChangedFile[], facts: ProjectFacts, graph: TaskGraph): ProjectReason[] {
  const reasons: ProjectReason[] = [];
  const owned = (name: string): string[] => changed.map((change) => change.file).filter((file) => ownerOf(file, facts.roots) === name);
  const own = owned(project);
  if (own.length > 0) reasons.push({ kind: 'changed', files: own.slice(0, MAX_LISTED) });
  const plans = Object.entries(graph.plans)
    .filter(([task]) => task.slice(0, task.lastIndexOf(':')) === project)
    .flatMap(([, plan]) => plan.map((entry) => parsePlanEntry(entry, facts.roots)));
  const declared = facts.rootInputs.get(project) ?? [];
  const rootInputs = new Set([
    ...plans.filter((entry) => entry.kind === 'workspace').flatMap((entry) => changedFilesOf(entry, changed, facts.roots)),
    ...changedFilesOf({ kind: 'workspace', files: declared }, changed, facts.roots),
  ]);
  if (changed.some((change) => change.file === 'nx.json')) rootInputs.add('nx.json');
  if (rootInputs.size > 0) reasons.push({ kind: 'root-input', files: [...rootInputs].sort().slice(0, MAX_LISTED) });
  const external = changed.map((change) => change.file).filter((file) => EXTERNAL_DEPENDENCY_FILES.includes(file));
  if (external.length > 0 && plans.some((entry) => entry.kind === 'external')) reasons.push({ kind: 'external', files: external });
  const path = dependencyPath(project, facts, (name) => name !== project && owned(name).length > 0);
  if (path !== undefined) reasons.push({ kind: 'dependency', path, files: owned(path[path.length - 1] as string).slice(0, MAX_LISTED) });
  if (reasons.length === 0) {
    reasons.push({ kind: 'nx', detail: 'Nx counts it as affected; no changed file, root input or dependency path found here explains it' });
  }
  return reasons;
}

/** The shortest path `project → … → target` along dependencies to a project `isTarget` accepts. */
function dependencyPath(project: string, facts: ProjectFacts, isTarget: (name: string) => boolean): string[] | undefined {
  const previous = new Map<string, string>();
  const queue = [project];
  const seen = new Set(queue);
  while (queue.length > 0) {
    const current = queue.shift() as string;
    if (current !== project && isTarget(current)) {
      const path = [current];
      for (let step = previous.get(current); step !== undefined; step = previous.get(step)) path.unshift(step);
      return path;
    }
    for (const next of [...(facts.dependencies.get(current) ?? [])].sort()) {
      if (seen.has(next)) continue;
      seen.add(next);
      previous.set(next, current);
      queue.push(next);
    }
  }
  return undefined;
}

/** One line for people. */
export function describeReason(reason: ProjectReason): string {
  switch (reason.kind) {
    case 'changed':
      return `changed in it: ${reason.files.join(', ')}`;
    case 'root-input':
      return `root files its tasks read changed: ${reason.files.join(', ')}`;
    case 'external':
      return `external packages may have changed: ${reason.files.join(', ')}`;
    case 'dependency':
      return `depends on ${reason.path[reason.path.length - 1]} (${reason.path.join(' → ')}), changed: ${reason.files.join(', ')}`;
    case 'nx':
      return reason.detail;
  }
}

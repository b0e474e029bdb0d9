import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { WorkspaceGraph, WorkspaceProject } from '../workspace-graph.js';
import { monolithTag } from './check-isolation.js';
import { importedNames } from './imported-names.js';

/**
 * For each of `projects`, the monolith projects its files import directly and the names they take
 * from each (read from the files the graph says import them): what still has to move before the
 * project's domain can leave the monolith checkout.
 */
export function monolithUses(
  root: string,
  graph: WorkspaceGraph,
  projects: readonly WorkspaceProject[],
): Map<string, Map<string, readonly string[]>> {
  const monolith = new Map(
    graph.projects.filter((project) => project.tags.includes(monolithTag)).map((project) => [project.name, project.packageName]),
  );
  const uses = new Map<string, Map<string, readonly string[]>>();
  for (const project of projects) {
    const found = new Map<string, Set<string>>();
    for (const { file, deps } of graph.files.filter((candidate) => candidate.project === project.name)) {
      const targets = deps.filter((dep) => dep.target !== project.name && monolith.get(dep.target) !== undefined);
      if (targets.length === 0 || !/\.[cm]?[jt]sx?$/.test(file)) continue;
      const text = readFileSync(join(root, file), 'utf8');
      for (const { target } of targets)
        found.set(target, new Set([...(found.get(target) ?? []), ...importedNames(file, text, monolith.get(target) as string)]));
    }
    uses.set(project.name, new Map([...found].map(([target, names]) => [target, [...names]])));
  }
  return uses;
}

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { listProjectFiles, loadBoundaryWorkspace } from '@alphaswarm/policy';
import type { WorkspaceGraph, WorkspaceProject } from '../workspace-graph.js';
import { monolithTag } from './check-isolation.js';
import { importedNames } from './imported-names.js';

/**
 * For each of `projects`, the monolith projects its files import directly and the names they take
 * from each (read from every source of the project on disk, as the boundary engine lists them):
 * what still has to move before the project's domain can leave the monolith checkout.
 */
export function monolithUses(
  root: string,
  graph: WorkspaceGraph,
  projects: readonly WorkspaceProject[],
): Map<string, Map<string, readonly string[]>> {
  const monolith = graph.projects
    .filter((project) => project.tags.includes(monolithTag) && project.packageName !== undefined)
    .map((project) => [project.name, project.packageName as string] as const);
  const wanted = new Set(projects.map((project) => project.name));
  const found = new Map<string, Map<string, Set<string>>>(projects.map((project) => [project.name, new Map()]));
  for (const { file, project } of listProjectFiles(root, loadBoundaryWorkspace(root))) {
    const uses = found.get(project.name);
    if (!uses || !wanted.has(project.name) || !/\.[cm]?[jt]sx?$/.test(file)) continue;
    const text = readFileSync(join(root, file), 'utf8');
    for (const [target, packageName] of monolith) {
      if (target === project.name || !text.includes(packageName)) continue;
      const names = importedNames(file, text, packageName);
      if (names.length > 0) uses.set(target, new Set([...(uses.get(target) ?? []), ...names]));
    }
  }
  return new Map([...found].map(([project, uses]) => [project, new Map([...uses].map(([target, names]) => [target, [...names]]))]));
}

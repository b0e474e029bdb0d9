import { findCycle } from '@alphaswarm/policy';
import type { WorkspaceProject } from '../../../lib/workspace-projects.js';
import type { Problem } from './move-problem.js';

/** A cycle the new workspace dependencies would close, if any. */
export function cycleProblems(
  projects: readonly WorkspaceProject[],
  dependencies: ReadonlyMap<string, ReadonlyMap<string, string>>,
): Problem[] {
  const edges = new Map(
    projects.map((project) => {
      const declared = [
        ...Object.keys({ ...project.manifest.dependencies, ...project.manifest.devDependencies }),
        ...(dependencies.get(project.name)?.keys() ?? []),
      ];
      return [project.packageName, declared.filter((name) => projects.some((candidate) => candidate.packageName === name))];
    }),
  );
  const cycle = findCycle(edges);
  return cycle
    ? [
        {
          text: `the new dependencies would close a cycle between packages: ${cycle.join(' -> ')}; Nx and TypeScript project references cannot build a cycle`,
        },
      ]
    : [];
}

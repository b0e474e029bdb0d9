import type { Tree } from '@nx/devkit';
import { readWorkspaceProjects } from './workspace-projects.js';

/** The given projects that have an `api-report` target (a report can only be rewritten from the built package). */
export function apiReportProjects(tree: Tree, projectNames: readonly string[]): string[] {
  return readWorkspaceProjects(tree)
    .filter((project) => projectNames.includes(project.name) && project.manifest.nx?.targets?.['api-report'] !== undefined)
    .map((project) => project.name);
}

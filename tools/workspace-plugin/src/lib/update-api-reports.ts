import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { GeneratorCallback, Tree } from '@nx/devkit';
import { readWorkspaceProjects } from './workspace-projects.js';

/**
 * A callback (run by `nx g` after the files are written) that rewrites the API reports of the
 * given projects, since a report can only be extracted from the built package. Projects without
 * an `api-report` target are skipped; `undefined` when none is left.
 */
export function updateApiReports(tree: Tree, projectNames: readonly string[]): GeneratorCallback | undefined {
  const reported = readWorkspaceProjects(tree)
    .filter((project) => projectNames.includes(project.name) && project.manifest.nx?.targets?.['api-report'] !== undefined)
    .map((project) => project.name);
  if (reported.length === 0) return undefined;
  return () => {
    const nx = createRequire(join(tree.root, 'package.json')).resolve('nx/bin/nx.js');
    execFileSync(process.execPath, [nx, 'run-many', '-t', 'api-report', '-p', reported.join(','), '--update', '--outputStyle=static'], {
      cwd: tree.root,
      stdio: 'inherit',
    });
  };
}

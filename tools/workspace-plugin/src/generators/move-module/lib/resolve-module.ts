import type { Tree } from '@nx/devkit';
import { PolicyError } from '@alphaswarm/policy';
import type { WorkspaceProject } from '../../../lib/workspace-projects.js';
import { listFiles } from './list-files.js';

/** The file or folder `--from` names, with the file that is its entry; refuses the package root (ASW-1325) and what does not exist (ASW-1323). */
export function resolveModule(
  tree: Tree,
  project: WorkspaceProject,
  path: string,
  flagValue: string,
): { kind: 'file' | 'folder'; base: string; entry: string; path: string } {
  const base = `${project.root}/src/${path}`;
  const file = [base, `${base}.ts`].find((candidate) => candidate.endsWith('.ts') && tree.isFile(candidate));
  if (file === `${project.root}/src/index.ts`) {
    throw new PolicyError(
      'ASW-1325',
      `--from=${flagValue} is the package root of ${project.packageName}; move a module it exports instead.`,
    );
  }
  if (file) return { kind: 'file', base: file, entry: file, path };
  if (tree.exists(base) && !tree.isFile(base)) {
    if (listFiles(tree, base).length === 0)
      throw new PolicyError('ASW-1323', `--from=${flagValue}: the folder ${base} holds no file; name a folder or a file with code.`);
    return { kind: 'folder', base, entry: `${base}/index.ts`, path };
  }
  throw new PolicyError(
    'ASW-1323',
    `--from=${flagValue}: ${base} does not exist (neither a folder nor ${base.endsWith('.ts') ? 'a file' : `${base}.ts`}); the path is relative to ${project.root}/src.`,
  );
}

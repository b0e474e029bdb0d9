import { posix } from 'node:path';
import type { Tree } from '@nx/devkit';
import type { WorkspaceProject } from './workspace-projects.js';

/** Where a module specifier leads: a workspace file, a workspace package entry, or an external package. */
export type ResolvedSpecifier =
  | { readonly kind: 'file'; readonly file: string; readonly project?: WorkspaceProject; readonly subpath?: string }
  | { readonly kind: 'external'; readonly packageName: string }
  | { readonly kind: 'unresolved' };

/** The `@alphaswarm/source` file of one `exports` entry, workspace-relative. */
export function sourceOfExport(project: WorkspaceProject, subpath: string): string | undefined {
  const entry = project.manifest.exports?.[subpath];
  const source = typeof entry === 'object' && entry !== null ? (entry as Record<string, unknown>)['@alphaswarm/source'] : undefined;
  return typeof source === 'string' ? posix.join(project.root, source) : undefined;
}

/** The subpaths of `project` whose source is `file` (usually none or one). */
export function subpathsOf(project: WorkspaceProject, file: string): string[] {
  return Object.keys(project.manifest.exports ?? {}).filter((subpath) => sourceOfExport(project, subpath) === file);
}

/** The package name of a bare specifier (`@scope/name/deep` → `@scope/name`). */
export function packageNameOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
}

/**
 * Resolve a specifier the way TypeScript's NodeNext resolution does inside this workspace:
 * relative `.js` specifiers lead to their `.ts` sources, workspace packages to the source of the
 * `exports` entry they name.
 */
export function resolveSpecifier(
  tree: Tree,
  importer: string,
  specifier: string,
  projects: readonly WorkspaceProject[],
): ResolvedSpecifier {
  if (specifier.startsWith('.')) {
    const target = posix.join(posix.dirname(importer), specifier);
    const candidates = [
      target.replace(/\.js$/, '.ts'),
      target.replace(/\.js$/, '.tsx'),
      target.replace(/\.mjs$/, '.mts'),
      target,
      `${target}.ts`,
      `${target}/index.ts`,
    ];
    const file = candidates.find((candidate) => tree.isFile(candidate));
    return file ? { kind: 'file', file } : { kind: 'unresolved' };
  }
  const packageName = packageNameOf(specifier);
  const project = projects.find((candidate) => candidate.packageName === packageName);
  if (!project) return { kind: 'external', packageName };
  const subpath = `.${specifier.slice(packageName.length)}`;
  const file = sourceOfExport(project, subpath);
  return file ? { kind: 'file', file, project, subpath } : { kind: 'unresolved' };
}

/** A NodeNext relative specifier from one workspace file to another (`./x.js`, `../y/index.js`). */
export function relativeSpecifier(fromFile: string, toFile: string): string {
  const path = posix
    .relative(posix.dirname(fromFile), toFile)
    .replace(/\.tsx?$/, '.js')
    .replace(/\.mts$/, '.mjs');
  return path.startsWith('.') ? path : `./${path}`;
}

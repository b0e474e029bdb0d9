import { minimatch } from 'minimatch';
import type { ChangedFile } from './changed-files.js';

/** Root files whose change re-resolves external packages (what `AllExternalDependencies` and `npm:…` hash). */
export const EXTERNAL_DEPENDENCY_FILES: readonly string[] = ['pnpm-lock.yaml', 'package.json'];

/** One entry of an Nx hash plan, read for what can make it change. */
export type PlanEntry =
  | { readonly kind: 'files'; readonly project: string; readonly include: readonly string[]; readonly exclude: readonly string[] }
  | { readonly kind: 'workspace'; readonly files: readonly string[] }
  | { readonly kind: 'project-configuration'; readonly project: string }
  | { readonly kind: 'tsconfig'; readonly project: string }
  | { readonly kind: 'external' }
  | { readonly kind: 'not-a-file'; readonly entry: string }
  | { readonly kind: 'unknown'; readonly entry: string };

/**
 * Split a `<project>:<glob>,<glob>,!<glob>` file set. Globs may hold commas inside braces
 * (`*.{ts,js}`), so a comma separates globs only where the next one starts with the project root.
 */
function splitGlobs(globs: string, root: string): string[] {
  const parts: string[] = [];
  let current = '';
  for (const piece of globs.split(',')) {
    const startsNew = piece.startsWith(`${root}/`) || piece.startsWith(`!${root}/`) || piece === root || piece === `!${root}`;
    if (current !== '' && startsNew) {
      parts.push(current);
      current = piece;
    } else current = current === '' ? piece : `${current},${piece}`;
  }
  if (current !== '') parts.push(current);
  return parts;
}

/** Read one hash plan entry of Nx's `--graph` export; `roots` maps project names to their roots. */
export function parsePlanEntry(entry: string, roots: ReadonlyMap<string, string>): PlanEntry {
  if (entry === 'AllExternalDependencies' || entry.startsWith('npm:')) return { kind: 'external' };
  if (entry.startsWith('env:') || entry.startsWith('runtime:')) return { kind: 'not-a-file', entry };
  if (entry.startsWith('workspace:[') && entry.endsWith(']')) {
    const files = entry
      .slice('workspace:['.length, -1)
      .split(/,(?=\{workspaceRoot\}\/)/)
      .map((file) => file.replace(/^\{workspaceRoot\}\//, ''));
    return { kind: 'workspace', files };
  }
  const colon = entry.indexOf(':');
  const project = colon > 0 ? entry.slice(0, colon) : undefined;
  const root = project === undefined ? undefined : roots.get(project);
  if (project !== undefined && root !== undefined) {
    const rest = entry.slice(colon + 1);
    if (rest === 'ProjectConfiguration') return { kind: 'project-configuration', project };
    if (rest === 'TsConfig') return { kind: 'tsconfig', project };
    const globs = splitGlobs(rest, root);
    if (globs.length > 0 && globs.every((glob) => glob.replace(/^!/, '').startsWith(root))) {
      return {
        kind: 'files',
        project,
        include: globs.filter((glob) => !glob.startsWith('!')),
        exclude: globs.filter((glob) => glob.startsWith('!')).map((glob) => glob.slice(1)),
      };
    }
  }
  return { kind: 'unknown', entry };
}

const matches = (file: string, pattern: string): boolean => minimatch(file, pattern, { dot: true });

/**
 * The changed files that change this plan entry's hash. `unknown` entries match nothing here; the
 * caller treats them as "cannot tell" and runs the task.
 */
export function changedFilesOf(entry: PlanEntry, changed: readonly ChangedFile[], roots: ReadonlyMap<string, string>): string[] {
  const files = changed.map((change) => change.file);
  switch (entry.kind) {
    case 'files':
      return files.filter(
        (file) => entry.include.some((glob) => matches(file, glob)) && !entry.exclude.some((glob) => matches(file, glob)),
      );
    case 'workspace':
      return files.filter((file) => entry.files.some((glob) => matches(file, glob)));
    case 'project-configuration': {
      const root = roots.get(entry.project) ?? '';
      return files.filter((file) => file === `${root}/package.json` || file === `${root}/project.json`);
    }
    case 'tsconfig': {
      const root = roots.get(entry.project) ?? '';
      return files.filter((file) => file === 'tsconfig.base.json' || matches(file, `${root}/tsconfig*.json`));
    }
    case 'external':
      return files.filter((file) => EXTERNAL_DEPENDENCY_FILES.includes(file));
    case 'not-a-file':
    case 'unknown':
      return [];
  }
}

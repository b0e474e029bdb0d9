import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { BoundaryWorkspace, PlacedProject } from '../workspace/boundary-workspace.js';
import { IGNORED_FOLDERS, isIgnoredFile } from './ignored-paths.js';

const ignoredFolders = new Set(IGNORED_FOLDERS);

/**
 * Every file of every project, workspace-relative with `/` separators, each with the project that
 * owns it (a nested project's files belong to it, not to the outer one). Installs, build output
 * and caches are skipped ({@link IGNORED_FOLDERS}), as the ESLint wiring skips them.
 */
export function listProjectFiles(root: string, workspace: BoundaryWorkspace): { readonly file: string; readonly project: PlacedProject }[] {
  const files: { file: string; project: PlacedProject }[] = [];
  const walk = (folder: string, project: PlacedProject): void => {
    let entries;
    try {
      entries = readdirSync(join(root, folder), { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const path = folder === '.' ? entry.name : `${folder}/${entry.name}`;
      if (entry.isDirectory()) {
        if (!ignoredFolders.has(entry.name) && !workspace.byRoot.has(path)) walk(path, project);
      } else if (entry.isFile() && !isIgnoredFile(entry.name)) files.push({ file: path, project });
    }
  };
  for (const project of workspace.projects) walk(project.root, project);
  return files.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { IGNORED_FOLDERS, findErrorCodes, isSourceFile, type ErrorCodeUse } from '@alphaswarm/policy';
import type { WorkspaceProject } from '../workspace-graph.js';

const ignoredFolders = new Set(IGNORED_FOLDERS);
const specFile = /\.(spec|test)\.[cm]?[jt]sx?$/;

/**
 * Every error code the sources of the workspace's projects name: code files only (specs are left
 * out: they assert the codes the sources throw, and the checker's own specs name made-up codes),
 * each attributed to the innermost project that owns it; installs and build output are skipped.
 */
export function collectErrorCodeUses(root: string, projects: readonly WorkspaceProject[]): ErrorCodeUse[] {
  const roots = new Set(projects.map((project) => project.root));
  const uses: ErrorCodeUse[] = [];
  const walk = (folder: string, project: string): void => {
    for (const entry of readdirSync(join(root, folder), { withFileTypes: true })) {
      const path = folder === '.' ? entry.name : `${folder}/${entry.name}`;
      if (entry.isDirectory()) {
        if (!ignoredFolders.has(entry.name) && !roots.has(path)) walk(path, project);
      } else if (entry.isFile() && isSourceFile(entry.name) && !specFile.test(entry.name)) {
        for (const code of findErrorCodes(readFileSync(join(root, path), 'utf8'))) uses.push({ file: path, project, code });
      }
    }
  };
  for (const project of projects) if (project.root !== '.' && project.root !== '') walk(project.root, project.name);
  return uses.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
}

import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The nearest folder at or above `from` that holds an `nx.json`: where Nx finds the workspace, found
 * without loading Nx (so a command can start work before Nx is loaded). The Nx graph loaders check
 * that Nx agrees (ASW-1204). `from` itself when no folder above holds one.
 */
export function findWorkspaceRoot(from: string): string {
  for (let folder = from; ; folder = dirname(folder)) {
    if (existsSync(join(folder, 'nx.json'))) return folder;
    if (dirname(folder) === folder) return from;
  }
}

import { existsSync, mkdirSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { BenchError } from './bench-error.js';
import type { GeneratedWorkspace } from './generate-workspace.js';
import { GROUND_TRUTH_FILE } from './ground-truth.js';

/**
 * Write a generated workspace to `out` (created; it must be empty or hold an earlier generated
 * workspace, which is replaced) with its ground truth in `out/ground-truth.json`, outside every
 * project. `nodeModules`, when given, is linked as `out/node_modules` so the checkers resolve
 * their plugins from the repository's install without installing anything.
 *
 * @throws BenchError ASW-1401 when `out` is inside `repository` or holds something else.
 */
export function writeWorkspace(workspace: GeneratedWorkspace, out: string, repository: string, nodeModules?: string): void {
  const target = resolve(out);
  const inside = relative(resolve(repository), target);
  if (!inside.startsWith('..') && !inside.startsWith('/'))
    throw new BenchError('ASW-1401', `--out ${out} is inside the repository: generate workspaces outside it (e.g. under /tmp)`);
  if (existsSync(target) && readdirSync(target).length > 0) {
    if (!existsSync(join(target, GROUND_TRUTH_FILE)))
      throw new BenchError('ASW-1401', `--out ${out} is not empty and holds no generated workspace: give an empty or new folder`);
    rmSync(target, { recursive: true, force: true });
  }
  mkdirSync(target, { recursive: true });
  const folders = new Set<string>();
  for (const file of workspace.files.keys()) folders.add(dirname(join(target, file)));
  for (const folder of folders) mkdirSync(folder, { recursive: true });
  for (const [file, text] of workspace.files) writeFileSync(join(target, file), text);
  writeFileSync(join(target, GROUND_TRUTH_FILE), `${JSON.stringify(workspace.groundTruth, null, 2)}\n`);
  if (nodeModules) symlinkSync(nodeModules, join(target, 'node_modules'), 'dir');
}

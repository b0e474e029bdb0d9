import { spawnSync } from 'node:child_process';
import { basename, isAbsolute } from 'node:path';

/** The pnpm the workspace pins (root package.json `packageManager`). */
export const pinnedPnpm = 'pnpm@10.34.9';

/**
 * How to run pnpm: the same pnpm that runs this script (`npm_execpath` when pnpm launched it),
 * otherwise the pinned version through npx, as the README's quick start does.
 */
export function pnpmCommand(env: NodeJS.ProcessEnv = process.env): { readonly command: string; readonly args: readonly string[] } {
  const execPath = env['npm_execpath'];
  if (execPath && basename(execPath).startsWith('pnpm')) {
    return /\.[cm]?js$/.test(execPath) ? { command: process.execPath, args: [execPath] } : { command: execPath, args: [] };
  }
  return { command: 'npx', args: ['-y', pinnedPnpm] };
}

/**
 * The store the repository's own install filled (`pnpm store path` at its root), so that a
 * workspace assembled elsewhere — on another file system, where pnpm would pick another store —
 * installs from the same packages. `undefined` when pnpm cannot say; pnpm's default then applies.
 */
export function pnpmStoreDir(root: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const pnpm = pnpmCommand(env);
  const result = spawnSync(pnpm.command, [...pnpm.args, 'store', 'path'], { cwd: root, env, encoding: 'utf8', timeout: 120_000 });
  const path = result.status === 0 ? result.stdout.trim().split('\n').at(-1)?.trim() : undefined;
  return path && isAbsolute(path) ? path : undefined;
}

/**
 * `pnpm install` arguments that use nothing but the lockfile and the local store: no resolution
 * (so no registry metadata, which a frozen-lockfile install never caches) and no network.
 */
export function offlineInstallArgs(storeDir: string | undefined): string[] {
  return ['install', '--frozen-lockfile', '--offline', ...(storeDir ? ['--store-dir', storeDir] : [])];
}

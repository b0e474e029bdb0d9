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

/** What an offline install did: the `pnpm` arguments it ran (for messages), whether it passed, and its output. */
export interface OfflineInstall {
  readonly args: readonly string[];
  readonly ok: boolean;
  readonly output: string;
}

/**
 * Run `pnpm install` in `folder` from the lockfile and the local store only
 * ({@link offlineInstallArgs}, then `extra`), with the pnpm {@link pnpmCommand} picks: what the deep
 * proof, the package check and the image contexts each do to an assembled folder.
 */
export function installOffline(
  folder: string,
  storeDir: string | undefined,
  options: { readonly env: NodeJS.ProcessEnv; readonly timeoutMs: number; readonly extra?: readonly string[] },
): OfflineInstall {
  const pnpm = pnpmCommand();
  const args = [...offlineInstallArgs(storeDir), ...(options.extra ?? [])];
  const run = spawnSync(pnpm.command, [...pnpm.args, ...args], {
    cwd: folder,
    encoding: 'utf8',
    env: options.env,
    timeout: options.timeoutMs,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { args, ok: run.status === 0, output: `${run.stdout ?? ''}${run.stderr ?? ''}` };
}

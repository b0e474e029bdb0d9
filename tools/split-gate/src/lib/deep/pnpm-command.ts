import { basename } from 'node:path';

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

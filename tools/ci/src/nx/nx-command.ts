import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { createRequire } from 'node:module';
import { CiError } from '../ci-error.js';

const nxBin = createRequire(import.meta.url).resolve('nx/bin/nx.js');

/** The environment every Nx invocation of these tools gets: no daemon, no cloud, no colours, no TUI. */
export function nxEnv(extra: Readonly<Record<string, string>> = {}): NodeJS.ProcessEnv {
  return { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false', FORCE_COLOR: '0', ...extra };
}

/** Run the workspace's own Nx with `args` in `root` and capture its output. */
export function runNxCaptured(
  root: string,
  args: readonly string[],
  extraEnv: Readonly<Record<string, string>> = {},
): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [nxBin, ...args], { cwd: root, encoding: 'utf8', env: nxEnv(extraEnv), maxBuffer: 256 * 1024 * 1024 });
}

/**
 * Run Nx with output for people going to this process's stderr (progress) and return its exit code.
 * Used for the tasks `pnpm affected` runs: their logs stay visible, stdout stays free for `--json`.
 */
export function runNxVisible(root: string, args: readonly string[], extraEnv: Readonly<Record<string, string>> = {}): number {
  const result = spawnSync(process.execPath, [nxBin, ...args], {
    cwd: root,
    env: nxEnv(extraEnv),
    stdio: ['ignore', process.stderr, process.stderr],
  });
  return result.status ?? 1;
}

/** Run Nx and parse its stdout as JSON; a failure or unreadable answer is a CiError naming the command. */
export function nxJson(root: string, args: readonly string[]): unknown {
  const result = runNxCaptured(root, args);
  const command = `pnpm exec nx ${args.join(' ')}`;
  if (result.status !== 0) {
    throw new CiError(
      'ASW-963',
      `\`${command}\` failed: ${lastLines(`${result.stdout}${result.stderr}`)}; run it yourself to see the whole output`,
    );
  }
  try {
    return JSON.parse(result.stdout);
  } catch {
    throw new CiError('ASW-963', `\`${command}\` printed no JSON: ${lastLines(result.stdout)}`);
  }
}

function lastLines(text: string): string {
  return text.trim().split('\n').slice(-3).join(' ').slice(0, 600);
}

import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

/** The outcome of one Nx invocation. */
export interface NxRun {
  readonly ok: boolean;
  readonly output: string;
  /** `project:target` of each task Nx listed under "Failed tasks". */
  readonly failedTasks: readonly string[];
}

const nxBin = createRequire(import.meta.url).resolve('nx/bin/nx.js');

/** Run the workspace's own Nx (the installed `nx` package) with `args` in `root`, capturing its output. */
export function runNx(root: string, args: readonly string[]): NxRun {
  const result = spawnSync(process.execPath, [nxBin, ...args, '--output-style=static'], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false', FORCE_COLOR: '0' },
    maxBuffer: 64 * 1024 * 1024,
  });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  const failedSection = output.split(/Failed tasks:/)[1] ?? '';
  const failedTasks = [...failedSection.matchAll(/^\s*-\s+(\S+:\S+)/gm)].map((match) => match[1] ?? '');
  return { ok: result.status === 0, output, failedTasks };
}

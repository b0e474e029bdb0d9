import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** One timed run of a command: its wall time, the peak resident memory of its largest process, and what it printed. */
export interface CommandRun {
  readonly wallMs: number;
  /** Peak resident set size in MiB (GNU time's %M of the largest process), undefined where /usr/bin/time is missing. */
  readonly peakMiB: number | undefined;
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** A command to run in a workspace. */
export interface Command {
  readonly command: string;
  readonly args: readonly string[];
  readonly cwd: string;
  readonly env?: NodeJS.ProcessEnv;
}

const gnuTime = '/usr/bin/time';

/**
 * Run `command` to completion and measure it: wall time from spawn to exit (what a user waits
 * for), and the peak memory GNU time reports for the largest process of the tree.
 */
export function measureCommand({ command, args, cwd, env }: Command): CommandRun {
  const folder = mkdtempSync(join(tmpdir(), 'asw-bench-time-'));
  const report = join(folder, 'time.txt');
  const timed = existsSync(gnuTime);
  const start = process.hrtime.bigint();
  const result = spawnSync(timed ? gnuTime : command, timed ? ['-f', '%M', '-o', report, command, ...args] : [...args], {
    cwd,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    maxBuffer: 1024 * 1024 * 1024,
  });
  const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
  let peakMiB: number | undefined;
  if (timed && existsSync(report)) {
    const kib = Number(readFileSync(report, 'utf8').trim().split('\n').at(-1));
    peakMiB = Number.isFinite(kib) ? kib / 1024 : undefined;
  }
  rmSync(folder, { recursive: true, force: true });
  if (result.error) throw result.error;
  return { wallMs, peakMiB, status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

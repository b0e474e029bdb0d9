import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SplitGateError } from '../split-gate-error.js';

/** How Nx finished a task (`TaskResult.status` of Nx's public `postTasksExecution` hook). */
export type NxTaskStatus = 'success' | 'failure' | 'skipped' | 'local-cache' | 'local-cache-kept-existing' | 'remote-cache' | 'stopped';

/** One task's result, as Nx reported it. */
export interface NxTaskResult {
  readonly status: NxTaskStatus;
  readonly code: number;
}

/** What one Nx invocation did. */
export interface NxTaskRun {
  /** Nx's exit code was 0. */
  readonly ok: boolean;
  /** Nx's own output (for the last lines of an error, never parsed for results). */
  readonly output: string;
  /** Every task Nx ran or restored, by id (`project:target`). */
  readonly results: ReadonlyMap<string, NxTaskResult>;
}

const statuses: readonly string[] = [
  'success',
  'failure',
  'skipped',
  'local-cache',
  'local-cache-kept-existing',
  'remote-cache',
  'stopped',
];
/** Done, from the cache or by running: the task's outputs are there. */
export const succeeded = (result: NxTaskResult | undefined): boolean =>
  result !== undefined &&
  result.code === 0 &&
  ['success', 'local-cache', 'local-cache-kept-existing', 'remote-cache'].includes(result.status);
/** Came from the cache. */
export const fromCache = (result: NxTaskResult | undefined): boolean =>
  result !== undefined && ['local-cache', 'local-cache-kept-existing', 'remote-cache'].includes(result.status);

/** The variable that tells tools/split-gate/task-results-plugin.mjs where to write. */
export const taskResultsVariable = 'ASW_NX_TASK_RESULTS';

/**
 * Read the JSON the task-results plugin wrote. Anything but `{ "<project>:<target>": { status, code } }`
 * with a status Nx documents means Nx changed its hook: fail loudly rather than misread a result.
 */
export function parseTaskResults(text: string): Map<string, NxTaskResult> {
  const data: unknown = JSON.parse(text);
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw shapeError(text);
  return new Map(
    Object.entries(data).map(([id, value]) => {
      const result = value as { status?: unknown; code?: unknown };
      if (typeof result.status !== 'string' || !statuses.includes(result.status) || typeof result.code !== 'number') {
        throw shapeError(JSON.stringify({ [id]: value }));
      }
      return [id, { status: result.status as NxTaskStatus, code: result.code }];
    }),
  );
}

function shapeError(text: string): SplitGateError {
  return new SplitGateError(
    'ASW-1215',
    `Nx reported task results in an unknown shape (${text.slice(0, 200)}); this Nx version changed its postTasksExecution hook: update tools/split-gate/task-results-plugin.mjs and src/lib/nx/run-nx-tasks.ts`,
  );
}

const nxBin = createRequire(import.meta.url).resolve('nx/bin/nx.js');

/**
 * Run tasks with Nx (`nx run-many …`, cached as usual; the gate's own Nx unless `nxBin` names
 * another workspace's) and return each task's
 * result as Nx's public `postTasksExecution` hook reports it, through the workspace's
 * task-results plugin. Nx's output is kept for people (or shown on stderr with `visible`), never parsed.
 */
export function runNxTasks(
  root: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
  options: {
    readonly nxBin?: string;
    readonly timeoutMs?: number;
    /** Show Nx's output on this process's stderr as it runs (progress on long work) instead of keeping it. */
    readonly visible?: boolean;
  } = {},
): NxTaskRun {
  const scratch = mkdtempSync(join(tmpdir(), 'asw-nx-results-'));
  const file = join(scratch, 'results.json');
  try {
    const result = spawnSync(process.execPath, [options.nxBin ?? nxBin, ...args, '--output-style=static'], {
      cwd: root,
      ...(options.timeoutMs === undefined ? {} : { timeout: options.timeoutMs }),
      encoding: 'utf8',
      env: { ...env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false', FORCE_COLOR: '0', [taskResultsVariable]: file },
      maxBuffer: 64 * 1024 * 1024,
      ...(options.visible ? { stdio: ['ignore', 2, 2] as const } : {}),
    });
    const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      if (result.status !== 0) return { ok: false, output, results: new Map() };
      throw new SplitGateError(
        'ASW-1216',
        `Nx ran \`nx ${args.join(' ')}\` but reported no task results: list "./tools/split-gate/task-results-plugin.mjs" under "plugins" in nx.json (the gate reads task results from it)`,
      );
    }
    return { ok: result.status === 0, output, results: parseTaskResults(text) };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

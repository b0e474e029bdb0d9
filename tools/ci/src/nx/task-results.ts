import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runNxVisible } from './nx-command.js';

/** What Nx reports for one task it ran: `success`, `failure`, `skipped`, `local-cache`, `remote-cache`, … */
export interface TaskResult {
  readonly status: string;
  readonly code: number;
}

/** The statuses that mean "Nx restored the result instead of running the task". */
export const CACHE_STATUSES: readonly string[] = ['local-cache', 'local-cache-kept-existing', 'remote-cache'];

/** The outcome of one Nx run. */
export interface NxTaskRun {
  readonly exitCode: number;
  /** Task id → result, from the workspace's task-results plugin (nx.json); empty when Nx ran no task. */
  readonly results: ReadonlyMap<string, TaskResult>;
}

/**
 * Run `nx <args>` with its output for people on stderr, and read each task's result from the file the
 * workspace's task-results plugin (`tools/split-gate/task-results-plugin.mjs`, registered in nx.json)
 * writes when ASW_NX_TASK_RESULTS names a file.
 */
export function runNxTasks(root: string, args: readonly string[]): NxTaskRun {
  const dir = mkdtempSync(join(tmpdir(), 'asw-task-results-'));
  const file = join(dir, 'results.json');
  try {
    const exitCode = runNxVisible(root, args, { ASW_NX_TASK_RESULTS: file });
    const data = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, TaskResult>) : {};
    return { exitCode, results: new Map(Object.entries(data)) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CiError } from '../ci-error.js';
import { runNxCaptured } from './nx-command.js';

/** The part of Nx's `--graph=<file>.json` answer these tools read. */
export interface TaskGraph {
  /** Task ids (`project:target`) Nx would run, prerequisites included. */
  readonly tasks: readonly string[];
  /** For each task, the tasks it waits for. */
  readonly dependencies: Readonly<Record<string, readonly string[]>>;
  /**
   * For each task, its hash plan: what Nx hashes for it — `<project>:<globs>` file sets,
   * `workspace:[{workspaceRoot}/…]` root files, `AllExternalDependencies` / `npm:…`, `env:…`, …
   */
  readonly plans: Readonly<Record<string, readonly string[]>>;
}

/** Read the answer of `nx run-many … --graph=<file>.json` (Nx's public task graph export). */
export function parseTaskGraph(data: unknown): TaskGraph {
  const value = data as {
    tasks?: { tasks?: Record<string, unknown>; dependencies?: Record<string, string[]> };
    taskPlans?: Record<string, string[]>;
  };
  if (typeof value?.tasks?.tasks !== 'object' || typeof value.tasks.dependencies !== 'object' || typeof value.taskPlans !== 'object') {
    throw new CiError(
      'ASW-963',
      'the task graph Nx wrote has no tasks, dependencies or taskPlans: this Nx version changed its --graph export',
    );
  }
  return { tasks: Object.keys(value.tasks.tasks).sort(), dependencies: value.tasks.dependencies, plans: value.taskPlans };
}

/**
 * The task graph of `nx run-many -t <targets> -p <projects>` without running anything: Nx writes
 * it with `--graph=<file>.json` (tasks, their dependencies and each task's hash plan).
 */
export function readTaskGraph(root: string, targets: readonly string[], projects: readonly string[]): TaskGraph {
  const dir = mkdtempSync(join(tmpdir(), 'asw-task-graph-'));
  const file = join(dir, 'tasks.json');
  try {
    const args = ['run-many', '-t', targets.join(','), '-p', projects.join(','), `--graph=${file}`];
    const result = runNxCaptured(root, args);
    if (result.status !== 0) {
      throw new CiError(
        'ASW-963',
        `\`pnpm exec nx ${args.join(' ')}\` failed: ${`${result.stdout}${result.stderr}`.trim().split('\n').slice(-3).join(' ')}`,
      );
    }
    return parseTaskGraph(JSON.parse(readFileSync(file, 'utf8')));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// An Nx plugin with one hook: after Nx runs tasks, it writes each task's result (status and exit
// code) as JSON to the file named by ASW_NX_TASK_RESULTS. The split gate sets that variable when it
// runs tasks, so it reads results as data instead of parsing Nx's output for people; with the
// variable unset (every other Nx command) the hook does nothing. Plain JavaScript on purpose: Nx
// loads plugins before anything is built. See src/lib/nx/run-nx-tasks.ts, which reads the file.
import { writeFileSync } from 'node:fs';

export const name = '@alphaswarm/split-gate/task-results';

/** @param {unknown} _options @param {{ taskResults: Record<string, { status: string; code: number }> }} context */
export async function postTasksExecution(_options, context) {
  const file = process.env['ASW_NX_TASK_RESULTS'];
  if (!file) return;
  const results = Object.fromEntries(
    Object.entries(context.taskResults).map(([id, result]) => [id, { status: result.status, code: result.code }]),
  );
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
}

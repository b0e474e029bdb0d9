import type { TaskGraph } from '../nx/task-graph.js';
import type { ChangedFile } from './changed-files.js';
import { changedFilesOf, parsePlanEntry } from './plan-entries.js';

/** The verdict for one requested task. */
export interface TaskChoice {
  /** `project:target`. */
  readonly id: string;
  /** Run it: one of its inputs changed, or its inputs could not be read. */
  readonly chosen: boolean;
  /** Changed files among its inputs (at most {@link MAX_LISTED}; `inputCount` has them all). */
  readonly inputs: readonly string[];
  readonly inputCount: number;
  /** Why, for people. */
  readonly reason: string;
}

/** How many changed inputs a choice lists. */
export const MAX_LISTED = 5;

const projectOf = (task: string): string => task.slice(0, task.lastIndexOf(':'));

/**
 * Which of the `requested` tasks to run: those whose hash plan — the inputs Nx hashes to decide
 * whether a cached result still holds — contains a changed file. A task whose plan has an entry this
 * reader does not understand is run (it cannot be shown to be unchanged). The others are skipped:
 * their results for the base are still valid, so running them could only repeat those results.
 */
export function selectTasks(
  requested: readonly string[],
  graph: TaskGraph,
  changed: readonly ChangedFile[],
  roots: ReadonlyMap<string, string>,
): TaskChoice[] {
  return requested.map((id) => {
    const plan = graph.plans[id];
    if (plan === undefined) {
      return { id, chosen: true, inputs: [], inputCount: 0, reason: 'Nx gave no hash plan for it, so it cannot be shown to be unchanged' };
    }
    const entries = plan.map((entry) => parsePlanEntry(entry, roots));
    const unknown = entries.find((entry) => entry.kind === 'unknown');
    const inputs = [...new Set(entries.flatMap((entry) => changedFilesOf(entry, changed, roots)))].sort();
    if (inputs.length > 0) {
      const shown = inputs.slice(0, MAX_LISTED);
      const more = inputs.length > shown.length ? ` and ${inputs.length - shown.length} more` : '';
      return { id, chosen: true, inputs: shown, inputCount: inputs.length, reason: `its inputs changed: ${shown.join(', ')}${more}` };
    }
    if (unknown !== undefined && 'entry' in unknown) {
      return {
        id,
        chosen: true,
        inputs: [],
        inputCount: 0,
        reason: `its hash plan has an input this tool cannot read (${unknown.entry}), so it runs`,
      };
    }
    return {
      id,
      chosen: false,
      inputs: [],
      inputCount: 0,
      reason: `none of its inputs changed (${projectOf(id)} is affected, this task is not)`,
    };
  });
}

/** The tasks Nx also runs for `chosen`: their transitive dependencies in the task graph, minus the chosen ones. */
export function prerequisitesOf(chosen: readonly string[], graph: TaskGraph): string[] {
  const seen = new Set<string>();
  const queue = [...chosen];
  while (queue.length > 0) {
    const task = queue.shift() as string;
    for (const dependency of graph.dependencies[task] ?? []) {
      if (seen.has(dependency)) continue;
      seen.add(dependency);
      queue.push(dependency);
    }
  }
  return [...seen].filter((task) => !chosen.includes(task)).sort();
}

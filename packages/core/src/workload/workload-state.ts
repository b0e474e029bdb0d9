/** Every state a workload can be in. `stopped` and `failed` are final. */
export const WORKLOAD_STATES = ['pending', 'running', 'stopping', 'stopped', 'failed'] as const;

/** The lifecycle state of a workload. */
export type WorkloadState = (typeof WORKLOAD_STATES)[number];

const transitions: Readonly<Record<WorkloadState, readonly WorkloadState[]>> = {
  pending: ['running', 'stopping', 'stopped', 'failed'],
  running: ['stopping', 'stopped', 'failed'],
  stopping: ['stopped', 'failed'],
  stopped: [],
  failed: [],
};

/** True when a workload may move from `from` to `to`. */
export function canTransition(from: WorkloadState, to: WorkloadState): boolean {
  return transitions[from].includes(to);
}

/** True when a workload in `state` has finished and will not change again. */
export function isFinalState(state: WorkloadState): boolean {
  return transitions[state].length === 0;
}

/** The states a workload in `from` may move to next, in lifecycle order; empty when `from` is final. */
export function allowedNextStates(from: WorkloadState): WorkloadState[] {
  return [...transitions[from]];
}

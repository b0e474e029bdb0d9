import type { ProviderWorkload, ProviderWorkloadRef, ProviderWorkloadStatus, WorkloadProvider, WorkloadState } from '@alphaswarm/core';

/**
 * The reference provider adapter: keeps each workload's state in this process and runs nothing.
 * It is for tests (`--provider in-process`), and the smallest correct implementation of core's
 * `WorkloadProvider` contract for other adapters to compare with. It forgets everything when the
 * process ends, so after a restart reconciliation marks its workloads `failed`.
 */
export class InProcessWorkloadProvider implements WorkloadProvider {
  /** Reported on each workload it runs. */
  readonly name = 'in-process';
  readonly #states = new Map<string, WorkloadState>();

  /** Record the workload as running. */
  async start(workload: ProviderWorkload): Promise<WorkloadState> {
    this.#states.set(keyOf(workload), 'running');
    return 'running';
  }

  /** Record the workload as stopped; throws for a workload it never started. */
  async stop(ref: ProviderWorkloadRef): Promise<WorkloadState> {
    if (!this.#states.has(keyOf(ref))) throw new Error(`in-process provider: unknown workload ${keyOf(ref)}`);
    this.#states.set(keyOf(ref), 'stopped');
    return 'stopped';
  }

  /** The recorded state, or `undefined` for an unknown workload. */
  async status(ref: ProviderWorkloadRef): Promise<ProviderWorkloadStatus | undefined> {
    const state = this.#states.get(keyOf(ref));
    return state && { state };
  }

  /** Forget the workload. */
  async remove(ref: ProviderWorkloadRef): Promise<void> {
    this.#states.delete(keyOf(ref));
  }
}

function keyOf(ref: ProviderWorkloadRef): string {
  return `${ref.tenantId}/${ref.workloadId}`;
}

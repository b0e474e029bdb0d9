import type { ProviderWorkload, ProviderWorkloadRef, WorkloadProvider, WorkloadState } from '@alphaswarm/core';

/**
 * The reference provider adapter: keeps each workload's state in this process and runs nothing.
 * It is what `serve` uses for development and tests, and the smallest correct implementation of
 * core's `WorkloadProvider` contract for other adapters to compare with.
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
  async status(ref: ProviderWorkloadRef): Promise<WorkloadState | undefined> {
    return this.#states.get(keyOf(ref));
  }

  /** Forget the workload. */
  async remove(ref: ProviderWorkloadRef): Promise<void> {
    this.#states.delete(keyOf(ref));
  }
}

function keyOf(ref: ProviderWorkloadRef): string {
  return `${ref.tenantId}/${ref.workloadId}`;
}

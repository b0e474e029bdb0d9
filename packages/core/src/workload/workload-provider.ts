import type { TenantId, WorkloadId } from '../ids.js';
import type { WorkloadSpecV1 } from '../wire/workload-spec.js';
import type { WorkloadState } from './workload-state.js';

/** Names one workload to a provider. */
export interface ProviderWorkloadRef {
  /** The tenant that owns the workload. */
  readonly tenantId: TenantId;
  /** The workload's id, as the control plane assigned it. */
  readonly workloadId: WorkloadId;
}

/** What a provider needs to start a workload. */
export interface ProviderWorkload extends ProviderWorkloadRef {
  /** The workload's name in its tenant. */
  readonly name: string;
  /** What to run. */
  readonly spec: WorkloadSpecV1;
}

/** What a provider sees of one workload now. */
export interface ProviderWorkloadStatus {
  /** The state the provider observes. */
  readonly state: WorkloadState;
  /** Why it is in that state, for people, e.g. `replica 0 (pid 4242) exited with code 3`. */
  readonly reason?: string;
}

/**
 * A provider adapter: runs workloads somewhere (in process, as local processes, on Kubernetes, on
 * a cloud). The control plane owns the lifecycle and calls a provider; providers never decide
 * authorization or tenancy. A method that cannot do its work rejects with an `Error` whose message
 * says why; the control plane logs it and records it as the workload's reason.
 */
export interface WorkloadProvider {
  /** A short, stable name reported on each workload, e.g. `in-process`. */
  readonly name: string;
  /** Start the workload; resolves with the state it reached (`running`, or `failed`). */
  start(workload: ProviderWorkload): Promise<WorkloadState>;
  /** Ask the workload to stop; resolves with the state it reached (`stopping` or `stopped`). */
  stop(ref: ProviderWorkloadRef): Promise<WorkloadState>;
  /** What the provider sees now, or `undefined` when it does not know the workload. */
  status(ref: ProviderWorkloadRef): Promise<ProviderWorkloadStatus | undefined>;
  /** Forget the workload and release what it held; stops it first if needed. */
  remove(ref: ProviderWorkloadRef): Promise<void>;
  /**
   * Release everything the provider still runs for workloads that are not in `known` (left over
   * from a crash between starting and recording, or from a deleted workload); resolves with the
   * workloads it released. Optional: a provider that keeps nothing across restarts needs none.
   */
  reapOrphans?(known: readonly ProviderWorkloadRef[]): Promise<ProviderWorkloadRef[]>;
}

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

/**
 * A provider adapter: runs workloads somewhere (in process, on Kubernetes, on a cloud). The control
 * plane owns the lifecycle and calls a provider; providers never decide authorization or tenancy.
 * Every method reports the state the workload reached.
 */
export interface WorkloadProvider {
  /** A short, stable name reported on each workload, e.g. `in-process`. */
  readonly name: string;
  /** Start the workload; resolves with the state it reached (`running`, or `failed`). */
  start(workload: ProviderWorkload): Promise<WorkloadState>;
  /** Ask the workload to stop; resolves with the state it reached (`stopping` or `stopped`). */
  stop(ref: ProviderWorkloadRef): Promise<WorkloadState>;
  /** The state the provider sees now, or `undefined` when it does not know the workload. */
  status(ref: ProviderWorkloadRef): Promise<WorkloadState | undefined>;
  /** Forget the workload and release what it held; stops it first if needed. */
  remove(ref: ProviderWorkloadRef): Promise<void>;
}

import {
  API_ERROR_CODES,
  canTransition,
  INITIAL_KILL_SWITCH,
  isFinalState,
  parseId,
  scopeToTenant,
  setKillSwitch,
  type CreateWorkloadRequestV1,
  type KillSwitchState,
  type Principal,
  type ProviderWorkloadRef,
  type WorkloadProvider,
  type WorkloadState,
  type WorkloadV1,
} from '@alphaswarm/core';
import { randomUUID } from 'node:crypto';
import { ManageApiError } from '../server/manage-api-error.js';

/** What a {@link ControlPlane} runs on. */
export interface ControlPlaneOptions {
  /** Where workloads actually run. */
  readonly provider: WorkloadProvider;
  /** The current time; injectable for tests. */
  readonly now?: () => Date;
  /** A fresh workload id; injectable for tests. */
  readonly newId?: () => string;
}

/**
 * The control plane's state and workload lifecycle: the only place that records workloads and
 * the kill switch and calls the provider. It trusts its caller to have run core's auth and
 * resource filters (the HTTP layer does, on every request).
 */
export class ControlPlane {
  readonly #provider: WorkloadProvider;
  readonly #now: () => Date;
  readonly #newId: () => string;
  readonly #workloads = new Map<string, WorkloadV1>();
  #killSwitch: KillSwitchState = INITIAL_KILL_SWITCH;

  constructor({ provider, now = () => new Date(), newId = randomUUID }: ControlPlaneOptions) {
    this.#provider = provider;
    this.#now = now;
    this.#newId = newId;
  }

  /** The kill switch as it is now. */
  get killSwitch(): KillSwitchState {
    return this.#killSwitch;
  }

  /** The workloads of `principal`'s tenant, oldest first. */
  listWorkloads(principal: Principal): WorkloadV1[] {
    return scopeToTenant(principal, this.#workloads.values());
  }

  /** The workload with `id` in any tenant; callers scope it with core's filters. */
  findWorkload(id: string): WorkloadV1 | undefined {
    return this.#workloads.get(id);
  }

  /** Record a workload in `principal`'s tenant and start it; a provider failure leaves it `failed`. */
  async createWorkload(principal: Principal, request: CreateWorkloadRequestV1): Promise<WorkloadV1> {
    if (this.listWorkloads(principal).some((workload) => workload.name === request.name)) {
      throw new ManageApiError(
        409,
        API_ERROR_CODES.conflict,
        `a workload named "${request.name}" already exists in tenant "${principal.tenantId}"; choose another name or delete it first`,
      );
    }
    const at = this.#now().toISOString();
    const workload: WorkloadV1 = {
      id: parseId('workload', this.#newId()),
      tenantId: principal.tenantId,
      name: request.name,
      spec: request.spec,
      state: 'pending',
      provider: this.#provider.name,
      createdAt: at,
      updatedAt: at,
    };
    this.#workloads.set(workload.id, workload);
    const reached = await this.#provider
      .start({ ...refOf(workload), name: workload.name, spec: workload.spec })
      .catch((): WorkloadState => 'failed');
    return this.#move(workload.id, reached);
  }

  /** Stop a workload; stopping one that has already finished changes nothing. */
  async stopWorkload(workload: WorkloadV1): Promise<WorkloadV1> {
    if (isFinalState(workload.state)) return workload;
    const reached = await this.#provider.stop(refOf(workload)).catch((): WorkloadState => 'failed');
    return this.#move(workload.id, reached);
  }

  /** Release a workload at its provider and forget it. */
  async deleteWorkload(workload: WorkloadV1): Promise<void> {
    await this.#provider.remove(refOf(workload));
    this.#workloads.delete(workload.id);
  }

  /** Engage or release the kill switch; engaging it stops every workload of every tenant. */
  async setKillSwitch(engaged: boolean, reason: string, principal: Principal): Promise<KillSwitchState> {
    this.#killSwitch = setKillSwitch(engaged, reason, principal.id, this.#now());
    if (engaged) await Promise.all([...this.#workloads.values()].map((workload) => this.stopWorkload(workload)));
    return this.#killSwitch;
  }

  #move(id: string, to: WorkloadState): WorkloadV1 {
    const current = this.#workloads.get(id);
    if (!current) throw new Error(`workload ${id} vanished while changing state`);
    if (current.state === to || !canTransition(current.state, to)) return current;
    const next = { ...current, state: to, updatedAt: this.#now().toISOString() };
    this.#workloads.set(id, next);
    return next;
  }
}

function refOf(workload: WorkloadV1): ProviderWorkloadRef {
  return { tenantId: parseId('tenant', workload.tenantId), workloadId: parseId('workload', workload.id) };
}

import {
  allowedNextStates,
  API_ERROR_CODES,
  canTransition,
  checkAccess,
  parseId,
  scopeToTenant,
  setKillSwitch,
  type AuditEntryV1,
  type CreateWorkloadRequestV1,
  type KillSwitchState,
  type Principal,
  type ProviderWorkloadRef,
  type WorkloadEventV1,
  type WorkloadProvider,
  type WorkloadState,
  type WorkloadV1,
} from '@alphaswarm/core';
import { randomUUID } from 'node:crypto';
import { ManageApiError } from '../server/manage-api-error.js';
import type { AuditRecord, ControlStore, TransitionRecord } from '../store/control-store.js';
import { silentLogger, type ControlPlaneLogger } from './control-plane-logger.js';

/** What a {@link ControlPlane} runs on. */
export interface ControlPlaneOptions {
  /** Where the state lives. */
  readonly store: ControlStore;
  /** Where workloads actually run. */
  readonly provider: WorkloadProvider;
  /** Where provider errors and reconciliation go; fastify's logger in the server. */
  readonly log?: ControlPlaneLogger;
  /** The current time; injectable for tests. */
  readonly now?: () => Date;
  /** A fresh workload id; injectable for tests. */
  readonly newId?: () => string;
}

/** What one reconciliation pass did. */
export interface ReconcileReport {
  /** Non-final workloads asked about. */
  readonly checked: number;
  /** Workloads whose state changed. */
  readonly changed: number;
  /** Workloads the provider could not report on (logged). */
  readonly errors: number;
}

/**
 * The control plane's workload lifecycle over a durable {@link ControlStore}: the only place that
 * calls the provider. Every state change is committed before the method that made it resolves;
 * a change the lifecycle forbids is refused with a 409 naming the allowed next states. It trusts
 * its caller to have run core's auth and resource filters (the HTTP layer does, on every request).
 */
export class ControlPlane {
  readonly #store: ControlStore;
  readonly #provider: WorkloadProvider;
  readonly #log: ControlPlaneLogger;
  readonly #now: () => Date;
  readonly #newId: () => string;
  readonly #inFlight = new Set<string>();
  #lastKnownKillSwitch: KillSwitchState | undefined;

  constructor({ store, provider, log = silentLogger, now = () => new Date(), newId = randomUUID }: ControlPlaneOptions) {
    this.#store = store;
    this.#provider = provider;
    this.#log = log;
    this.#now = now;
    this.#newId = newId;
  }

  /**
   * A control plane that has read the kill switch from its store, reconciled every workload the
   * store holds with the provider, and released what the provider still runs for workloads the
   * store does not know.
   */
  static async open(options: ControlPlaneOptions): Promise<ControlPlane> {
    const controlPlane = new ControlPlane(options);
    const killSwitch = await controlPlane.readKillSwitch();
    if (killSwitch?.engaged) {
      controlPlane.#log.warn(
        { killSwitch },
        `kill switch is engaged (set by ${killSwitch.changedBy} at ${killSwitch.changedAt}: ${killSwitch.reason})`,
      );
    }
    await controlPlane.reconcile();
    await controlPlane.#reapOrphans();
    return controlPlane;
  }

  /** The provider's name, as recorded on each workload. */
  get providerName(): string {
    return this.#provider.name;
  }

  /** The kill switch as last read from the store; `undefined` when the last read failed. */
  get lastKnownKillSwitch(): KillSwitchState | undefined {
    return this.#lastKnownKillSwitch;
  }

  /** The kill switch from the store, or `undefined` (logged) when the store cannot be read: callers fail closed. */
  async readKillSwitch(): Promise<KillSwitchState | undefined> {
    try {
      this.#lastKnownKillSwitch = await this.#store.readKillSwitch();
    } catch (error) {
      this.#log.error({ err: error }, 'cannot read the kill switch: refusing workload-starting requests until the store is back');
      this.#lastKnownKillSwitch = undefined;
    }
    return this.#lastKnownKillSwitch;
  }

  /** The kill switch from the store; a 503 when it cannot be read. */
  async killSwitch(): Promise<KillSwitchState> {
    const state = await this.#store.readKillSwitch();
    this.#lastKnownKillSwitch = state;
    return state;
  }

  /** The workloads of `principal`'s tenant, oldest first. */
  async listWorkloads(principal: Principal): Promise<WorkloadV1[]> {
    return scopeToTenant(principal, await this.#store.listWorkloads(principal.tenantId));
  }

  /** The workload with `id` in any tenant; callers scope it with core's filters. */
  findWorkload(id: string): Promise<WorkloadV1 | undefined> {
    return this.#store.findWorkload(id);
  }

  /** Every state change of `workload`, oldest first. */
  history(workload: WorkloadV1): Promise<WorkloadEventV1[]> {
    return this.#store.history(workload.id);
  }

  /** A page of the audit log as `principal` may see it: platform-wide entries and its own tenant's, newest first. */
  auditLog(principal: Principal, limit: number, before?: number): Promise<AuditEntryV1[]> {
    return this.#store.auditLog(principal.tenantId, limit, before);
  }

  /** Record that `principal` was identified by `authenticatedBy`; resolves with when it was first seen. */
  async recordSession(principal: Principal, authenticatedBy: 'bearer-token' | 'identity-headers'): Promise<string> {
    const session = await this.#store.recordSession(principal.tenantId, principal.id, principal.roles, authenticatedBy, this.#at());
    return session.firstSeenAt;
  }

  /**
   * Record a workload in `principal`'s tenant (committed `pending`), start it at the provider and
   * commit the state it reached. Refused with 423 when the kill switch is engaged at commit time
   * and with 409 when the name is taken. A provider error is logged and leaves it `failed` with
   * the error as its reason.
   */
  async createWorkload(principal: Principal, request: CreateWorkloadRequestV1): Promise<WorkloadV1> {
    const at = this.#at();
    const pending: WorkloadV1 = {
      id: parseId('workload', this.#newId()),
      tenantId: principal.tenantId,
      name: request.name,
      spec: request.spec,
      state: 'pending',
      stateReason: `created by ${principal.id}`,
      provider: this.#provider.name,
      createdAt: at,
      updatedAt: at,
    };
    this.#inFlight.add(pending.id);
    try {
      const outcome = await this.#store.insertWorkload(pending, principal.id, this.#audit(principal, 'workload:create', pending.id));
      if (outcome.kind === 'kill-switch-engaged') {
        const decision = checkAccess({ principal, action: 'workload:create', killSwitch: outcome.killSwitch });
        throw new ManageApiError(
          423,
          API_ERROR_CODES.killSwitchEngaged,
          decision.allowed ? 'the kill switch is engaged' : decision.message,
        );
      }
      if (outcome.kind === 'name-taken') {
        throw new ManageApiError(
          409,
          API_ERROR_CODES.conflict,
          `a workload named "${request.name}" already exists in tenant "${principal.tenantId}"; choose another name or delete it first`,
        );
      }
      const ref = refOf(pending);
      let reached: { state: WorkloadState; reason: string | null };
      try {
        const state = await this.#provider.start({ ...ref, name: pending.name, spec: pending.spec });
        reached = {
          state,
          reason: state === 'running' ? `started by provider ${this.#provider.name}` : `provider ${this.#provider.name} reported ${state}`,
        };
      } catch (error) {
        this.#log.error({ err: error, workloadId: pending.id, tenantId: pending.tenantId }, 'provider failed to start the workload');
        reached = { state: 'failed', reason: `provider ${this.#provider.name} failed to start it: ${messageOf(error)}` };
      }
      return await this.#settle(
        pending.id,
        { to: reached.state, reason: reached.reason, source: 'provider', changedBy: null, at: this.#at() },
        ref,
      );
    } finally {
      this.#inFlight.delete(pending.id);
    }
  }

  /**
   * Stop `workload` on behalf of `principal`: commit `stopping`, ask the provider, commit what it
   * reached. Stopping a stopped workload changes nothing; stopping a failed one is refused (409).
   */
  async stopWorkload(principal: Principal, workload: WorkloadV1): Promise<WorkloadV1> {
    if (workload.state === 'stopped') return workload;
    return this.#stop(workload, {
      source: 'request',
      changedBy: principal.id,
      reason: `stopped by ${principal.id}`,
      audit: this.#audit(principal, 'workload:stop', workload.id),
    });
  }

  /** Release `workload` at its provider, then forget it; if the provider cannot release it, it is kept (503). */
  async deleteWorkload(principal: Principal, workload: WorkloadV1): Promise<void> {
    this.#inFlight.add(workload.id);
    try {
      try {
        await this.#provider.remove(refOf(workload));
      } catch (error) {
        this.#log.error({ err: error, workloadId: workload.id, tenantId: workload.tenantId }, 'provider failed to release the workload');
        throw new ManageApiError(
          503,
          API_ERROR_CODES.unavailable,
          `provider ${this.#provider.name} could not release workload ${workload.id}: ${messageOf(error)}; it is kept, try again`,
          [],
          { cause: error },
        );
      }
      await this.#store.deleteWorkload(workload.id, this.#audit(principal, 'workload:delete', workload.id));
    } finally {
      this.#inFlight.delete(workload.id);
    }
  }

  /**
   * Engage or release the platform-wide kill switch, recording who, when and why in the audit log
   * in the same transaction; engaging it then stops every workload of every tenant.
   */
  async setKillSwitch(engaged: boolean, reason: string, principal: Principal): Promise<KillSwitchState> {
    const state = setKillSwitch(engaged, reason, principal.id, this.#now());
    const committed = await this.#store.setKillSwitch(state, {
      ...this.#audit(principal, engaged ? 'kill-switch:engage' : 'kill-switch:release', null),
      tenantId: null,
      reason,
    });
    this.#lastKnownKillSwitch = committed;
    this.#log.warn(
      { killSwitch: committed, principalId: principal.id, tenantId: principal.tenantId },
      `kill switch ${engaged ? 'engaged' : 'released'}`,
    );
    if (engaged) {
      const active = await this.#store.listActiveWorkloads();
      const results = await Promise.allSettled(
        active.map((workload) =>
          this.#stop(workload, { source: 'kill-switch', changedBy: principal.id, reason: `stopped by the kill switch (${reason})` }),
        ),
      );
      results.forEach((result, index) => {
        if (result.status === 'rejected') {
          this.#log.error(
            { err: result.reason, workloadId: active[index]?.id },
            'kill switch could not stop a workload; reconciliation retries',
          );
        }
      });
    }
    return committed;
  }

  /**
   * Ask the provider about every non-final workload and commit what it reports. A workload the
   * provider no longer knows becomes `failed`; one left `stopping` while it still runs is stopped
   * again. Provider errors are logged with the workload id and leave the workload as it is.
   */
  async reconcile(): Promise<ReconcileReport> {
    await this.readKillSwitch();
    let active: WorkloadV1[];
    try {
      active = await this.#store.listActiveWorkloads();
    } catch (error) {
      this.#log.error({ err: error }, 'reconciliation cannot read the store');
      return { checked: 0, changed: 0, errors: 1 };
    }
    let changed = 0;
    let errors = 0;
    for (const workload of active) {
      if (this.#inFlight.has(workload.id)) continue;
      try {
        if (await this.#reconcileOne(workload)) changed += 1;
      } catch (error) {
        errors += 1;
        this.#log.error({ err: error, workloadId: workload.id, tenantId: workload.tenantId }, 'reconciliation failed for a workload');
      }
    }
    return { checked: active.length, changed, errors };
  }

  /** Reconcile every `intervalMs` until the returned function is called (it waits for a pass in progress). */
  startReconciling(intervalMs: number): () => Promise<void> {
    let stopped = false;
    let timer: NodeJS.Timeout | undefined;
    let running: Promise<unknown> = Promise.resolve();
    const tick = (): void => {
      running = this.reconcile().finally(() => {
        if (!stopped) timer = setTimeout(tick, intervalMs);
      });
    };
    timer = setTimeout(tick, intervalMs);
    return async () => {
      stopped = true;
      clearTimeout(timer);
      await running;
    };
  }

  async #reconcileOne(workload: WorkloadV1): Promise<boolean> {
    const ref = refOf(workload);
    const status = await this.#provider.status(ref);
    const base = { source: 'reconciliation' as const, changedBy: null, at: this.#at() };
    if (status === undefined) {
      const reason = `provider ${this.#provider.name} does not know this workload any more (it lost it, e.g. across a controller restart)`;
      this.#log.warn({ workloadId: workload.id, tenantId: workload.tenantId }, reason);
      return (await this.#store.transition(workload.id, { ...base, to: 'failed', reason })).kind === 'changed';
    }
    if (status.state === workload.state) return false;
    if (workload.state === 'stopping' && status.state === 'running') {
      const reached = await this.#provider.stop(ref);
      return (
        (await this.#store.transition(workload.id, { ...base, to: reached, reason: 'stop resumed by reconciliation' })).kind === 'changed'
      );
    }
    const outcome = await this.#store.transition(workload.id, {
      ...base,
      to: status.state,
      reason: status.reason ?? `provider ${this.#provider.name} reports ${status.state}`,
    });
    if (outcome.kind === 'illegal') {
      this.#log.warn(
        { workloadId: workload.id, from: outcome.workload.state, to: status.state, allowed: allowedNextStates(outcome.workload.state) },
        'provider reports a state the lifecycle does not allow; not recorded',
      );
    }
    if (outcome.kind === 'changed' && status.state === 'failed') {
      this.#log.error({ workloadId: workload.id, tenantId: workload.tenantId, reason: status.reason }, 'workload failed');
    }
    return outcome.kind === 'changed';
  }

  async #stop(
    workload: WorkloadV1,
    how: { source: 'request' | 'kill-switch'; changedBy: string; reason: string; audit?: AuditRecord },
  ): Promise<WorkloadV1> {
    if (!canTransition(workload.state, 'stopped') && workload.state !== 'stopped') throw illegal(workload, 'stopped');
    this.#inFlight.add(workload.id);
    try {
      const ref = refOf(workload);
      const stopping = await this.#settle(
        workload.id,
        {
          to: 'stopping',
          reason: how.reason,
          source: how.source,
          changedBy: how.changedBy,
          at: this.#at(),
          ...(how.audit ? { audit: how.audit } : {}),
        },
        ref,
      );
      if (stopping.state !== 'stopping') return stopping;
      let reached: { state: WorkloadState; reason: string };
      try {
        reached = { state: await this.#provider.stop(ref), reason: how.reason };
      } catch (error) {
        this.#log.error({ err: error, workloadId: workload.id, tenantId: workload.tenantId }, 'provider failed to stop the workload');
        reached = { state: 'failed', reason: `provider ${this.#provider.name} failed to stop it: ${messageOf(error)}` };
      }
      return await this.#settle(
        workload.id,
        { to: reached.state, reason: reached.reason, source: 'provider', changedBy: null, at: this.#at() },
        ref,
      );
    } finally {
      this.#inFlight.delete(workload.id);
    }
  }

  /** Commit `record`; refuse an illegal move with 409, and stop at the provider what must not run. */
  async #settle(id: string, record: TransitionRecord, ref: ProviderWorkloadRef): Promise<WorkloadV1> {
    const outcome = await this.#store.transition(id, record);
    switch (outcome.kind) {
      case 'changed':
      case 'unchanged':
        return outcome.workload;
      case 'missing':
        await this.#provider
          .remove(ref)
          .catch((error: unknown) => this.#log.error({ err: error, workloadId: id }, 'provider failed to release a deleted workload'));
        throw new ManageApiError(404, API_ERROR_CODES.notFound, `workload ${id} was deleted while it changed state`);
      case 'illegal':
        if (record.to === 'running') {
          // It was stopped (say by the kill switch) while the provider started it: it must not run.
          await this.#provider
            .stop(ref)
            .catch((error: unknown) =>
              this.#log.error({ err: error, workloadId: id }, 'provider failed to stop a workload that was stopped while starting'),
            );
          return outcome.workload;
        }
        throw illegal(outcome.workload, record.to);
    }
  }

  #audit(principal: Principal, action: AuditEntryV1['action'], workloadId: string | null): AuditRecord {
    return {
      at: this.#at(),
      action,
      actor: { id: principal.id, tenantId: principal.tenantId },
      tenantId: principal.tenantId,
      workloadId,
      reason: null,
    };
  }

  async #reapOrphans(): Promise<void> {
    if (!this.#provider.reapOrphans) return;
    try {
      const known = (await this.#store.listActiveWorkloads()).map(refOf);
      for (const orphan of await this.#provider.reapOrphans(known)) {
        this.#log.warn(
          { workloadId: orphan.workloadId, tenantId: orphan.tenantId },
          'released what the provider still ran for a workload the store does not hold as active',
        );
      }
    } catch (error) {
      this.#log.error({ err: error }, 'could not release orphaned provider workloads');
    }
  }

  #at(): string {
    return this.#now().toISOString();
  }
}

function illegal(workload: WorkloadV1, to: WorkloadState): ManageApiError {
  const allowed = allowedNextStates(workload.state);
  return new ManageApiError(
    409,
    API_ERROR_CODES.conflict,
    `workload ${workload.id} is ${workload.state} and cannot become ${to}; allowed next states: ${allowed.length > 0 ? allowed.join(', ') : `none (${workload.state} is final)`}`,
    [],
    { allowedNextStates: allowed },
  );
}

function refOf(workload: Pick<WorkloadV1, 'id' | 'tenantId'>): ProviderWorkloadRef {
  return { tenantId: parseId('tenant', workload.tenantId), workloadId: parseId('workload', workload.id) };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

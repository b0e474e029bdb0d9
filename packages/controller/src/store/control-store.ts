import type { AuditEntryV1, KillSwitchState, WorkloadEventV1, WorkloadState, WorkloadV1 } from '@alphaswarm/core';

/** An audit entry to append, as the store takes it. */
export type AuditRecord = Omit<AuditEntryV1, 'id'>;

/** One state change to commit. */
export interface TransitionRecord {
  /** The state to move to. */
  readonly to: WorkloadState;
  /** Why, for people; becomes the workload's `stateReason`. */
  readonly reason: string | null;
  /** What caused it. */
  readonly source: WorkloadEventV1['source'];
  /** The principal behind it, if any. */
  readonly changedBy: string | null;
  /** When, ISO 8601. */
  readonly at: string;
  /** Appended to the audit log in the same transaction. */
  readonly audit?: AuditRecord;
}

/** What {@link ControlStore.transition} did. */
export type TransitionOutcome =
  | { readonly kind: 'missing' }
  | { readonly kind: 'unchanged' | 'changed'; readonly workload: WorkloadV1 }
  | { readonly kind: 'illegal'; readonly workload: WorkloadV1 };

/** What {@link ControlStore.insertWorkload} did. */
export type InsertOutcome =
  | { readonly kind: 'inserted'; readonly workload: WorkloadV1 }
  | { readonly kind: 'kill-switch-engaged'; readonly killSwitch: KillSwitchState }
  | { readonly kind: 'name-taken' };

/** A principal's session row. */
export interface SessionRecord {
  /** When the controller first identified this principal of this tenant. */
  readonly firstSeenAt: string;
}

/**
 * The controller's durable state in PostgreSQL: workloads with their state history, the kill
 * switch, the audit log and sessions. Every change is one transaction, committed before the
 * method resolves. A database failure rejects with a 503 `ManageApiError` (`ASW-206`) whose
 * `cause` is the driver's error. `openStore` opens one.
 */
export interface ControlStore {
  /** Where the store lives, for people (no password). */
  readonly location: string;
  /** The kill switch as committed. */
  readKillSwitch(): Promise<KillSwitchState>;
  /** Set the kill switch and append `audit`, in one transaction. */
  setKillSwitch(state: KillSwitchState, audit: AuditRecord): Promise<KillSwitchState>;
  /** The workloads of `tenantId`, oldest first. */
  listWorkloads(tenantId: string): Promise<WorkloadV1[]>;
  /** Every workload of every tenant that is not in a final state, oldest first. */
  listActiveWorkloads(): Promise<WorkloadV1[]>;
  /** The workload with `id` in any tenant. */
  findWorkload(id: string): Promise<WorkloadV1 | undefined>;
  /**
   * Record a new `pending` workload, its first event and `audit` in one transaction, unless the
   * kill switch is engaged (read under a share lock, so engaging it waits for this transaction) or
   * the tenant already has a workload of that name.
   */
  insertWorkload(workload: WorkloadV1, changedBy: string, audit: AuditRecord): Promise<InsertOutcome>;
  /**
   * Move workload `id` to `record.to` in one transaction, holding its row lock: the move and its
   * event are committed together, or nothing is. A move to the current state changes nothing; a
   * move the lifecycle forbids is refused (`illegal`) and changes nothing.
   */
  transition(id: string, record: TransitionRecord): Promise<TransitionOutcome>;
  /** Forget workload `id` and its history, appending `audit`, in one transaction; false when it was already gone. */
  deleteWorkload(id: string, audit: AuditRecord): Promise<boolean>;
  /** Every state change of workload `id`, oldest first. */
  history(id: string): Promise<WorkloadEventV1[]>;
  /** Up to `limit` audit entries visible to `tenantId` (its own and the platform-wide ones) with ids below `before`, newest first. */
  auditLog(tenantId: string, limit: number, before?: number): Promise<AuditEntryV1[]>;
  /** Record that `principalId` of `tenantId` was identified at `at`; resolves with its session. */
  recordSession(
    tenantId: string,
    principalId: string,
    roles: readonly string[],
    authenticatedBy: 'bearer-token' | 'identity-headers',
    at: string,
  ): Promise<SessionRecord>;
  /** Close the connection (PGlite: flush and close the database). */
  close(): Promise<void>;
}

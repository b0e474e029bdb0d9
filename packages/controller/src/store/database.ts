import type { ColumnType, Generated, JSONColumnType } from 'kysely';
import type { AuditAction, WorkloadSpecV1, WorkloadState } from '@alphaswarm/core';

/** A `timestamptz` column: read as a Date, written as an ISO 8601 string. */
type Timestamp = ColumnType<Date, string, string>;

/** `workloads`: one row per workload, its current state and why. */
export interface WorkloadsTable {
  readonly id: string;
  readonly tenant_id: string;
  readonly name: string;
  readonly spec: JSONColumnType<WorkloadSpecV1, string, string>;
  readonly state: WorkloadState;
  readonly state_reason: string | null;
  readonly provider: string;
  readonly created_at: Timestamp;
  readonly updated_at: Timestamp;
  /** Creation order, the tie-breaker when two workloads share a creation time. */
  readonly position: Generated<number>;
}

/** `workload_events`: every committed state change, numbered per workload from 1. */
export interface WorkloadEventsTable {
  readonly workload_id: string;
  readonly sequence: number;
  readonly at: Timestamp;
  readonly from_state: WorkloadState | null;
  readonly to_state: WorkloadState;
  readonly reason: string | null;
  readonly source: 'request' | 'provider' | 'reconciliation' | 'kill-switch';
  readonly changed_by: string | null;
}

/** `kill_switch`: exactly one row (id 1), created released by the first migration. */
export interface KillSwitchTable {
  readonly id: number;
  readonly engaged: boolean;
  readonly reason: string | null;
  readonly changed_by: string | null;
  readonly changed_at: ColumnType<Date | null, string | null, string | null>;
}

/** `audit_log`: who did what, when and why; append only. */
export interface AuditLogTable {
  readonly id: Generated<number>;
  readonly at: Timestamp;
  readonly action: AuditAction;
  readonly actor_id: string;
  readonly actor_tenant_id: string;
  readonly tenant_id: string | null;
  readonly workload_id: string | null;
  readonly reason: string | null;
}

/** `sessions`: each principal of each tenant the controller has identified, first and last seen. */
export interface SessionsTable {
  readonly tenant_id: string;
  readonly principal_id: string;
  readonly roles: JSONColumnType<string[], string, string>;
  readonly authenticated_by: 'bearer-token' | 'identity-headers';
  readonly first_seen_at: Timestamp;
  readonly last_seen_at: Timestamp;
}

/** The controller's schema, as the migrations in `migrations.ts` build it. */
export interface ControlDatabase {
  /** See {@link WorkloadsTable}. */
  readonly workloads: WorkloadsTable;
  /** See {@link WorkloadEventsTable}. */
  readonly workload_events: WorkloadEventsTable;
  /** See {@link KillSwitchTable}. */
  readonly kill_switch: KillSwitchTable;
  /** See {@link AuditLogTable}. */
  readonly audit_log: AuditLogTable;
  /** See {@link SessionsTable}. */
  readonly sessions: SessionsTable;
}

import {
  API_ERROR_CODES,
  canTransition,
  type AuditEntryV1,
  type KillSwitchState,
  type WorkloadEventV1,
  type WorkloadV1,
} from '@alphaswarm/core';
import type { Kysely, Selectable, Transaction } from 'kysely';
import { ManageApiError } from '../server/manage-api-error.js';
import type { AuditLogTable, ControlDatabase, WorkloadsTable } from './database.js';
import type { AuditRecord, ControlStore, InsertOutcome, SessionRecord, TransitionOutcome, TransitionRecord } from './control-store.js';

/** {@link ControlStore} on PostgreSQL (PGlite or a server) through Kysely. */
export class KyselyControlStore implements ControlStore {
  readonly #db: Kysely<ControlDatabase>;

  constructor(
    db: Kysely<ControlDatabase>,
    /** Where the store lives, for people (no password). */
    readonly location: string,
  ) {
    this.#db = db;
  }

  /** The kill switch as committed. */
  readKillSwitch(): Promise<KillSwitchState> {
    return this.#guard(async () =>
      toKillSwitch(await this.#db.selectFrom('kill_switch').selectAll().where('id', '=', 1).executeTakeFirstOrThrow()),
    );
  }

  /** Set the kill switch and append `audit`, in one transaction. */
  setKillSwitch(state: KillSwitchState, audit: AuditRecord): Promise<KillSwitchState> {
    return this.#guard(() =>
      this.#db.transaction().execute(async (tx) => {
        const row = await tx
          .updateTable('kill_switch')
          .set({ engaged: state.engaged, reason: state.reason, changed_by: state.changedBy, changed_at: state.changedAt })
          .where('id', '=', 1)
          .returningAll()
          .executeTakeFirstOrThrow();
        await insertAudit(tx, audit);
        return toKillSwitch(row);
      }),
    );
  }

  /** The workloads of `tenantId`, oldest first. */
  listWorkloads(tenantId: string): Promise<WorkloadV1[]> {
    return this.#guard(async () =>
      (await this.#db.selectFrom('workloads').selectAll().where('tenant_id', '=', tenantId).orderBy('position').execute()).map(toWorkload),
    );
  }

  /** Every workload of every tenant that is not in a final state, oldest first. */
  listActiveWorkloads(): Promise<WorkloadV1[]> {
    return this.#guard(async () =>
      (
        await this.#db.selectFrom('workloads').selectAll().where('state', 'not in', ['stopped', 'failed']).orderBy('position').execute()
      ).map(toWorkload),
    );
  }

  /** The workload with `id` in any tenant. */
  findWorkload(id: string): Promise<WorkloadV1 | undefined> {
    return this.#guard(async () => {
      const row = await this.#db.selectFrom('workloads').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toWorkload(row);
    });
  }

  /**
   * Record a new `pending` workload, its first event and `audit` in one transaction — unless the
   * kill switch is engaged (read under a share lock, so engaging it waits for this transaction) or
   * the tenant already has a workload of that name.
   */
  insertWorkload(workload: WorkloadV1, changedBy: string, audit: AuditRecord): Promise<InsertOutcome> {
    return this.#guard(() =>
      this.#db.transaction().execute(async (tx): Promise<InsertOutcome> => {
        const killSwitch = toKillSwitch(
          await tx.selectFrom('kill_switch').selectAll().where('id', '=', 1).forShare().executeTakeFirstOrThrow(),
        );
        if (killSwitch.engaged) return { kind: 'kill-switch-engaged', killSwitch };
        const inserted = await tx
          .insertInto('workloads')
          .values({
            id: workload.id,
            tenant_id: workload.tenantId,
            name: workload.name,
            spec: JSON.stringify(workload.spec),
            state: workload.state,
            state_reason: workload.stateReason,
            provider: workload.provider,
            created_at: workload.createdAt,
            updated_at: workload.updatedAt,
          })
          .onConflict((conflict) => conflict.columns(['tenant_id', 'name']).doNothing())
          .returningAll()
          .executeTakeFirst();
        if (!inserted) return { kind: 'name-taken' };
        await tx
          .insertInto('workload_events')
          .values({
            workload_id: workload.id,
            sequence: 1,
            at: workload.createdAt,
            from_state: null,
            to_state: workload.state,
            reason: workload.stateReason,
            source: 'request',
            changed_by: changedBy,
          })
          .execute();
        await insertAudit(tx, audit);
        return { kind: 'inserted', workload: toWorkload(inserted) };
      }),
    );
  }

  /**
   * Move workload `id` to `record.to` in one transaction, holding its row lock: the move and its
   * event are committed together, or nothing is. A move to the current state changes nothing; a
   * move the lifecycle forbids is refused (`illegal`) and changes nothing.
   */
  transition(id: string, record: TransitionRecord): Promise<TransitionOutcome> {
    return this.#guard(() =>
      this.#db.transaction().execute(async (tx): Promise<TransitionOutcome> => {
        const row = await tx.selectFrom('workloads').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
        if (!row) return { kind: 'missing' };
        if (row.state === record.to) return { kind: 'unchanged', workload: toWorkload(row) };
        if (!canTransition(row.state, record.to)) return { kind: 'illegal', workload: toWorkload(row) };
        const updated = await tx
          .updateTable('workloads')
          .set({ state: record.to, state_reason: record.reason, updated_at: record.at })
          .where('id', '=', id)
          .returningAll()
          .executeTakeFirstOrThrow();
        const { last } = await tx
          .selectFrom('workload_events')
          .select((eb) => eb.fn.max('sequence').as('last'))
          .where('workload_id', '=', id)
          .executeTakeFirstOrThrow();
        await tx
          .insertInto('workload_events')
          .values({
            workload_id: id,
            sequence: Number(last ?? 0) + 1,
            at: record.at,
            from_state: row.state,
            to_state: record.to,
            reason: record.reason,
            source: record.source,
            changed_by: record.changedBy,
          })
          .execute();
        if (record.audit) await insertAudit(tx, record.audit);
        return { kind: 'changed', workload: toWorkload(updated) };
      }),
    );
  }

  /** Forget workload `id` and its history, appending `audit`, in one transaction; false when it was already gone. */
  deleteWorkload(id: string, audit: AuditRecord): Promise<boolean> {
    return this.#guard(() =>
      this.#db.transaction().execute(async (tx) => {
        const deleted = await tx.deleteFrom('workloads').where('id', '=', id).returning('id').executeTakeFirst();
        if (deleted) await insertAudit(tx, audit);
        return deleted !== undefined;
      }),
    );
  }

  /** Every state change of workload `id`, oldest first. */
  history(id: string): Promise<WorkloadEventV1[]> {
    return this.#guard(async () =>
      (await this.#db.selectFrom('workload_events').selectAll().where('workload_id', '=', id).orderBy('sequence').execute()).map((row) => ({
        sequence: row.sequence,
        at: row.at.toISOString(),
        from: row.from_state,
        to: row.to_state,
        reason: row.reason,
        source: row.source,
        changedBy: row.changed_by,
      })),
    );
  }

  /** Up to `limit` audit entries visible to `tenantId` (its own and the platform-wide ones) with ids below `before`, newest first. */
  auditLog(tenantId: string, limit: number, before?: number): Promise<AuditEntryV1[]> {
    return this.#guard(async () => {
      let query = this.#db
        .selectFrom('audit_log')
        .selectAll()
        .where((eb) => eb.or([eb('tenant_id', 'is', null), eb('tenant_id', '=', tenantId)]));
      if (before !== undefined) query = query.where('id', '<', before);
      return (await query.orderBy('id', 'desc').limit(limit).execute()).map(toAuditEntry);
    });
  }

  /** Record that `principalId` of `tenantId` was identified at `at`; resolves with its session. */
  recordSession(
    tenantId: string,
    principalId: string,
    roles: readonly string[],
    authenticatedBy: 'bearer-token' | 'identity-headers',
    at: string,
  ): Promise<SessionRecord> {
    return this.#guard(async () => {
      const row = await this.#db
        .insertInto('sessions')
        .values({
          tenant_id: tenantId,
          principal_id: principalId,
          roles: JSON.stringify(roles),
          authenticated_by: authenticatedBy,
          first_seen_at: at,
          last_seen_at: at,
        })
        .onConflict((conflict) =>
          conflict.columns(['tenant_id', 'principal_id']).doUpdateSet({
            roles: JSON.stringify(roles),
            authenticated_by: authenticatedBy,
            last_seen_at: at,
          }),
        )
        .returning('first_seen_at')
        .executeTakeFirstOrThrow();
      return { firstSeenAt: row.first_seen_at.toISOString() };
    });
  }

  /** Close the connection (PGlite: flush and close the database). */
  async close(): Promise<void> {
    await this.#db.destroy();
  }

  async #guard<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (error instanceof ManageApiError) throw error;
      throw new ManageApiError(
        503,
        API_ERROR_CODES.unavailable,
        `the control plane's store (${this.location}) cannot be used: ${error instanceof Error ? error.message : String(error)}; nothing was changed, try again when it is back`,
        [],
        { cause: error },
      );
    }
  }
}

function toWorkload(row: Selectable<WorkloadsTable>): WorkloadV1 {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    name: row.name,
    spec: row.spec,
    state: row.state,
    stateReason: row.state_reason,
    provider: row.provider,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

function toKillSwitch(row: Selectable<ControlDatabase['kill_switch']>): KillSwitchState {
  return { engaged: row.engaged, reason: row.reason, changedBy: row.changed_by, changedAt: row.changed_at?.toISOString() ?? null };
}

function toAuditEntry(row: Selectable<AuditLogTable>): AuditEntryV1 {
  return {
    id: row.id,
    at: row.at.toISOString(),
    action: row.action,
    actor: { id: row.actor_id, tenantId: row.actor_tenant_id },
    tenantId: row.tenant_id,
    workloadId: row.workload_id,
    reason: row.reason,
  };
}

async function insertAudit(tx: Transaction<ControlDatabase>, audit: AuditRecord): Promise<void> {
  await tx
    .insertInto('audit_log')
    .values({
      at: audit.at,
      action: audit.action,
      actor_id: audit.actor.id,
      actor_tenant_id: audit.actor.tenantId,
      tenant_id: audit.tenantId,
      workload_id: audit.workloadId,
      reason: audit.reason,
    })
    .execute();
}

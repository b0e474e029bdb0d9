import { sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';

/**
 * The store's versioned migrations, applied in name order by Kysely's `Migrator` when the
 * controller starts. Never edit a released migration: add the next one.
 */
export const migrations: Readonly<Record<string, Migration>> = {
  '0001-initial': {
    // Migrations see the database untyped: the schema is what they build.
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('workloads')
        .addColumn('id', 'text', (column) => column.primaryKey())
        .addColumn('tenant_id', 'text', (column) => column.notNull())
        .addColumn('name', 'text', (column) => column.notNull())
        .addColumn('spec', 'jsonb', (column) => column.notNull())
        .addColumn('state', 'text', (column) =>
          column.notNull().check(sql`state in ('pending', 'running', 'stopping', 'stopped', 'failed')`),
        )
        .addColumn('state_reason', 'text')
        .addColumn('provider', 'text', (column) => column.notNull())
        .addColumn('created_at', 'timestamptz', (column) => column.notNull())
        .addColumn('updated_at', 'timestamptz', (column) => column.notNull())
        .addColumn('position', 'integer', (column) => column.generatedAlwaysAsIdentity().notNull())
        .addUniqueConstraint('workloads_tenant_name', ['tenant_id', 'name'])
        .execute();
      await db.schema.createIndex('workloads_tenant_position').on('workloads').columns(['tenant_id', 'position']).execute();
      await db.schema.createIndex('workloads_state').on('workloads').column('state').execute();
      await db.schema
        .createTable('workload_events')
        .addColumn('workload_id', 'text', (column) => column.notNull().references('workloads.id').onDelete('cascade'))
        .addColumn('sequence', 'integer', (column) => column.notNull())
        .addColumn('at', 'timestamptz', (column) => column.notNull())
        .addColumn('from_state', 'text')
        .addColumn('to_state', 'text', (column) => column.notNull())
        .addColumn('reason', 'text')
        .addColumn('source', 'text', (column) => column.notNull())
        .addColumn('changed_by', 'text')
        .addPrimaryKeyConstraint('workload_events_pk', ['workload_id', 'sequence'])
        .execute();
      await db.schema
        .createTable('kill_switch')
        .addColumn('id', 'integer', (column) => column.primaryKey().check(sql`id = 1`))
        .addColumn('engaged', 'boolean', (column) => column.notNull())
        .addColumn('reason', 'text')
        .addColumn('changed_by', 'text')
        .addColumn('changed_at', 'timestamptz')
        .execute();
      await sql`insert into kill_switch (id, engaged) values (1, false)`.execute(db);
      await db.schema
        .createTable('audit_log')
        .addColumn('id', 'integer', (column) => column.generatedAlwaysAsIdentity().primaryKey())
        .addColumn('at', 'timestamptz', (column) => column.notNull())
        .addColumn('action', 'text', (column) => column.notNull())
        .addColumn('actor_id', 'text', (column) => column.notNull())
        .addColumn('actor_tenant_id', 'text', (column) => column.notNull())
        .addColumn('tenant_id', 'text')
        .addColumn('workload_id', 'text')
        .addColumn('reason', 'text')
        .execute();
      await db.schema
        .createTable('sessions')
        .addColumn('tenant_id', 'text', (column) => column.notNull())
        .addColumn('principal_id', 'text', (column) => column.notNull())
        .addColumn('roles', 'jsonb', (column) => column.notNull())
        .addColumn('authenticated_by', 'text', (column) => column.notNull())
        .addColumn('first_seen_at', 'timestamptz', (column) => column.notNull())
        .addColumn('last_seen_at', 'timestamptz', (column) => column.notNull())
        .addPrimaryKeyConstraint('sessions_pk', ['tenant_id', 'principal_id'])
        .execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      for (const table of ['sessions', 'audit_log', 'kill_switch', 'workload_events', 'workloads'])
        await db.schema.dropTable(table).execute();
    },
  },
};

/** Hands {@link migrations} to Kysely's `Migrator`: they are code compiled into the package, not files found at run time. */
export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};

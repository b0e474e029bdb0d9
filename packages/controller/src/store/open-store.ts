import { PGlite } from '@electric-sql/pglite';
import { Kysely, Migrator, PostgresDialect, type Dialect } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
import type { ControlStore } from './control-store.js';
import { KyselyControlStore } from './kysely-control-store.js';
import type { ControlDatabase } from './database.js';
import { migrationProvider } from './migrations.js';
import { describeStoreLocation, type StoreLocation } from './store-location.js';
import { StoreOpenError } from './store-open-error.js';

/**
 * Open the store at `location` and bring its schema to the latest migration. Rejects with a
 * {@link StoreOpenError} naming the location and the cause when the database cannot be reached
 * or migrated.
 */
export async function openStore(location: StoreLocation): Promise<ControlStore> {
  const where = describeStoreLocation(location);
  let db: Kysely<ControlDatabase> | undefined;
  try {
    db = new Kysely<ControlDatabase>({ dialect: await dialectFor(location) });
    const { error, results } = await new Migrator({ db, provider: migrationProvider }).migrateToLatest();
    if (error) {
      const failed = results?.find((result) => result.status === 'Error')?.migrationName;
      const message = failed
        ? `${where}: migration ${failed} failed: ${messageOf(error)}`
        : `${where} cannot be opened: ${messageOf(error)}`;
      throw new StoreOpenError(message, { cause: error });
    }
    return new KyselyControlStore(db, where);
  } catch (error) {
    await db?.destroy().catch(() => undefined);
    if (error instanceof StoreOpenError) throw error;
    throw new StoreOpenError(`${where} cannot be opened: ${messageOf(error)}`, { cause: error });
  }
}

async function dialectFor(location: StoreLocation): Promise<Dialect> {
  if (location.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: location.connectionString, max: 10 });
    // An idle connection the server dropped (a restart, a failover) must not crash the controller:
    // the pool replaces it, and a query that fails meanwhile is answered 503.
    pool.on('error', () => undefined);
    return new PostgresDialect({ pool });
  }
  if ('database' in location) return new PGliteDialect(location.database);
  return new PGliteDialect(await PGlite.create(location.dataDir === undefined ? {} : { dataDir: location.dataDir }));
}

function messageOf(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) return error.errors.map(messageOf).join('; ');
  return error instanceof Error ? error.message || error.name : String(error);
}

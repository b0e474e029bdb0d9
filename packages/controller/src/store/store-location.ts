import type { PGlite } from '@electric-sql/pglite';

/**
 * Where the controller keeps its state: an embedded PGlite database in a folder (in memory when
 * `dataDir` is omitted), a PGlite database the caller already opened (the store closes it on
 * close), or a PostgreSQL server. All run the same migrations and queries.
 */
export type StoreLocation =
  | { readonly kind: 'pglite'; readonly dataDir?: string }
  | { readonly kind: 'pglite'; readonly database: PGlite }
  | { readonly kind: 'postgres'; readonly connectionString: string };

/** `location` for people: the folder or the server, never a password. */
export function describeStoreLocation(location: StoreLocation): string {
  if (location.kind === 'pglite') {
    if ('database' in location) return location.database.dataDir ? `PGlite in ${location.database.dataDir}` : 'PGlite in memory';
    return location.dataDir ? `PGlite in ${location.dataDir}` : 'PGlite in memory';
  }
  try {
    const url = new URL(location.connectionString);
    return `PostgreSQL at ${url.hostname}${url.port ? `:${url.port}` : ''}${url.pathname}`;
  } catch {
    return 'PostgreSQL (DATABASE_URL is not a URL)';
  }
}

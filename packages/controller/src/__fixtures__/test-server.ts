import type { WorkloadProvider } from '@alphaswarm/core';
import { PGlite } from '@electric-sql/pglite';
import type { FastifyInstance } from 'fastify';
import { InProcessWorkloadProvider } from '../providers/in-process-workload-provider.js';
import { createManageServer } from '../server/create-manage-server.js';
import type { ManageAuthOptions } from '../server/manage-api-plugin.js';
import type { ControlPlane } from '../lifecycle/control-plane.js';
import type { ControlStore } from '../store/control-store.js';
import { openStore } from '../store/open-store.js';

/** Identity headers for `tenant`, `roles` (comma-separated) and `principal`. */
export const as = (tenant: string, roles: string, principal = 'ada'): Record<string, string> => ({
  'x-alphaswarm-tenant': tenant,
  'x-alphaswarm-principal': principal,
  'x-alphaswarm-roles': roles,
});

/** A server over a fresh in-memory PGlite store, a fixed clock and ids `wl-1`, `wl-2`, … */
export interface TestServer {
  readonly app: FastifyInstance;
  readonly controlPlane: ControlPlane;
  readonly store: ControlStore;
  close(): Promise<void>;
}

let shared: PGlite | undefined;

/**
 * An empty in-memory store. Starting PGlite takes seconds, so every test of a file shares one
 * database and gets an empty schema; pass `own` for a test that closes its store.
 */
export async function emptyTestStore(own = false): Promise<ControlStore> {
  if (own) return openStore({ kind: 'pglite' });
  shared ??= await PGlite.create();
  await shared.exec('drop schema public cascade; create schema public;');
  return openStore({ kind: 'pglite', database: shared });
}

/** Start a {@link TestServer} over `store` or an {@link emptyTestStore}; `close` closes the app (and the store only when it is its own). */
export async function startTestServer(
  options: { provider?: WorkloadProvider; auth?: ManageAuthOptions; store?: ControlStore; ownStore?: boolean; now?: () => Date } = {},
): Promise<TestServer> {
  let ids = 0;
  const store = options.store ?? (await emptyTestStore(options.ownStore));
  const { app, controlPlane } = await createManageServer({
    store,
    provider: options.provider ?? new InProcessWorkloadProvider(),
    now: options.now ?? (() => new Date('2026-05-01T12:00:00.000Z')),
    newId: () => `wl-${++ids}`,
    ...(options.auth ? { auth: options.auth } : {}),
  });
  return {
    app,
    controlPlane,
    store,
    close: async () => {
      await app.close();
      if (options.ownStore) await store.close();
    },
  };
}

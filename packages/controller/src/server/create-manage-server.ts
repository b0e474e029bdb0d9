import type { WorkloadProvider } from '@alphaswarm/core';
import Fastify, { type FastifyInstance } from 'fastify';
import { ControlPlane } from '../lifecycle/control-plane.js';
import { InProcessWorkloadProvider } from '../providers/in-process-workload-provider.js';
import { manageRoutes } from '../routes/manage-routes.js';
import type { ControlStore } from '../store/control-store.js';
import { registerManageApi, type ManageAuthOptions } from './manage-api-plugin.js';

/** pino log levels. */
export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

/** Options of {@link createManageServer}. */
export interface ManageServerOptions {
  /** Where the state lives; the server does not close it. */
  readonly store: ControlStore;
  /** Where workloads run; the in-process reference provider by default. */
  readonly provider?: WorkloadProvider;
  /** How callers are identified; trusted identity headers by default (loopback use and tests). */
  readonly auth?: ManageAuthOptions;
  /** Reconcile with the provider every this many milliseconds; no loop when omitted (tests call `reconcile`). */
  readonly reconcileIntervalMs?: number;
  /** pino log level; `silent` by default. */
  readonly logLevel?: LogLevel;
  /** The current time; injectable for tests. */
  readonly now?: () => Date;
  /** A fresh workload id; injectable for tests. */
  readonly newId?: () => string;
}

/** A manage API server and the control plane behind it. */
export interface ManageServer {
  /** The fastify app with the manage API registered; call `listen` to serve it, `close` to stop it and its reconciliation. */
  readonly app: FastifyInstance;
  /** The control plane the routes act on. */
  readonly controlPlane: ControlPlane;
}

/**
 * A fastify server with the manage API registered and nothing else, over a control plane that has
 * read its kill switch and reconciled every workload in `store` before this resolves.
 */
export async function createManageServer({
  store,
  provider = new InProcessWorkloadProvider(),
  auth,
  reconcileIntervalMs,
  logLevel = 'silent',
  now,
  newId,
}: ManageServerOptions): Promise<ManageServer> {
  const app = Fastify({ logger: { level: logLevel }, bodyLimit: 1024 * 1024 });
  const controlPlane = await ControlPlane.open({
    store,
    provider,
    log: app.log,
    ...(now ? { now } : {}),
    ...(newId ? { newId } : {}),
  });
  registerManageApi(app, { controlPlane, routes: manageRoutes, ...(auth ? { auth } : {}) });
  if (reconcileIntervalMs !== undefined) {
    const stop = controlPlane.startReconciling(reconcileIntervalMs);
    app.addHook('onClose', stop);
  }
  return { app, controlPlane };
}

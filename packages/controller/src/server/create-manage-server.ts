import type { WorkloadProvider } from '@alphaswarm/core';
import Fastify, { type FastifyInstance } from 'fastify';
import { ControlPlane } from '../lifecycle/control-plane.js';
import { InProcessWorkloadProvider } from '../providers/in-process-workload-provider.js';
import { manageRoutes } from '../routes/manage-routes.js';
import { registerManageApi } from './manage-api-plugin.js';

/** Options of {@link createManageServer}. */
export interface ManageServerOptions {
  /** Where workloads run; the in-process reference provider by default. */
  readonly provider?: WorkloadProvider;
  /** A ready control plane, e.g. with a fixed clock in tests; built from `provider` otherwise. */
  readonly controlPlane?: ControlPlane;
  /** pino log level; `silent` by default. */
  readonly logLevel?: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
}

/** A fastify server with the manage API registered and nothing else; call `listen` to serve it. */
export function createManageServer({ provider, controlPlane, logLevel = 'silent' }: ManageServerOptions = {}): FastifyInstance {
  const app = Fastify({ logger: { level: logLevel }, bodyLimit: 1024 * 1024 });
  registerManageApi(app, {
    controlPlane: controlPlane ?? new ControlPlane({ provider: provider ?? new InProcessWorkloadProvider() }),
    routes: manageRoutes,
  });
  return app;
}

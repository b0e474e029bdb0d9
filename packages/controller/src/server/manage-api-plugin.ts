import { API_ERROR_CODES, checkAccess, type TenantResource } from '@alphaswarm/core';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ControlPlane } from '../lifecycle/control-plane.js';
import type { ManageRoute, ManageRouteContext } from '../routes/manage-route.js';
import { identifyPrincipal } from './identify-principal.js';
import { ManageApiError } from './manage-api-error.js';
import { parseInput } from './parse-input.js';

/** What {@link registerManageApi} serves. */
export interface ManageApiOptions {
  /** The state and lifecycle the routes act on. */
  readonly controlPlane: ControlPlane;
  /** The routes to serve, normally `manageRoutes`. */
  readonly routes: readonly ManageRoute[];
}

const statusOfDenial = { forbidden: 403, 'kill-switch-engaged': 423, 'not-found': 404 } as const;
const codeOfDenial = {
  forbidden: API_ERROR_CODES.forbidden,
  'kill-switch-engaged': API_ERROR_CODES.killSwitchEngaged,
  'not-found': API_ERROR_CODES.notFound,
} as const;

/** `/manage/workloads/{workloadId}` → `/manage/workloads/:workloadId` (fastify's syntax). */
export function toFastifyPath(path: string): string {
  return path.replace(/\{([^}]+)\}/g, ':$1');
}

/**
 * Register the manage API on `app`: each route runs core's filters in order (identity, role,
 * kill switch), then validates params and body, then its handler (which applies core's tenant
 * scope), then checks its answer against the documented wire model. Every error becomes a JSON
 * `ApiError` body; none escapes to crash the process.
 */
export function registerManageApi(app: FastifyInstance, { controlPlane, routes }: ManageApiOptions): void {
  for (const route of routes) {
    app.route({
      method: route.method,
      url: toFastifyPath(route.path),
      handler: (request, reply) => serve(route, controlPlane, request, reply),
    });
  }
  app.setNotFoundHandler((request, reply) => {
    const body = new ManageApiError(404, API_ERROR_CODES.notFound, `no route ${request.method} ${request.url.split('?')[0]}`).toBody();
    return reply.code(404).send(body);
  });
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const known = toManageApiError(error);
    if (known.status >= 500) request.log.error({ err: error }, 'manage API bug');
    return reply.code(known.status).send(known.toBody());
  });
}

async function serve(route: ManageRoute, controlPlane: ControlPlane, request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
  const principal = identifyPrincipal(request.headers);
  deny(checkAccess({ principal, action: route.action, killSwitch: controlPlane.killSwitch }));
  const params = route.params ? parseInput(route.params, request.params, 'params') : undefined;
  const body = route.body ? parseInput(route.body, request.body ?? undefined, 'body') : undefined;
  const context: ManageRouteContext = {
    principal,
    controlPlane,
    requireVisible: <R extends TenantResource>(resource: R | undefined): R => {
      if (!resource) throw new ManageApiError(404, API_ERROR_CODES.notFound, 'no such resource in this tenant');
      deny(checkAccess({ principal, action: route.action, killSwitch: controlPlane.killSwitch, resource }));
      return resource;
    },
  };
  const result = await route.handle({ params, body }, context);
  const { status, schema } = route.success;
  return schema ? reply.code(status).send(schema.parse(result)) : reply.code(status).send();
}

function deny(decision: ReturnType<typeof checkAccess>): void {
  if (!decision.allowed) throw new ManageApiError(statusOfDenial[decision.reason], codeOfDenial[decision.reason], decision.message);
}

function toManageApiError(error: FastifyError): ManageApiError {
  if (error instanceof ManageApiError) return error;
  const status = error.statusCode ?? 500;
  if (status >= 400 && status < 500) return ManageApiError.invalid([{ field: 'body', message: error.message }], status);
  return new ManageApiError(500, API_ERROR_CODES.internal, 'internal error: the controller logged the details');
}

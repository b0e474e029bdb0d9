import { API_ERROR_CODES, checkAccess, KILL_SWITCH_BLOCKED_ACTIONS, type Principal, type TenantResource } from '@alphaswarm/core';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { identifyPrincipal } from '../auth/identify-principal.js';
import type { TokenVerifier } from '../auth/jwt-verifier.js';
import type { ControlPlane } from '../lifecycle/control-plane.js';
import type { ManageRoute, ManageRouteContext } from '../routes/manage-route.js';
import { ManageApiError } from './manage-api-error.js';
import { parseInput } from './parse-input.js';

/** Who may call: how the server identifies each request's principal. */
export interface ManageAuthOptions {
  /** Verifies `Authorization: Bearer` tokens; without it, bearer tokens are refused. */
  readonly verifyToken?: TokenVerifier;
  /** Accept the identity headers (`x-alphaswarm-*`) from requests that carry no bearer token. */
  readonly trustIdentityHeaders: boolean;
}

/** What {@link registerManageApi} serves. */
export interface ManageApiOptions {
  /** The state and lifecycle the routes act on. */
  readonly controlPlane: ControlPlane;
  /** The routes to serve, normally `manageRoutes`. */
  readonly routes: readonly ManageRoute[];
  /** How callers are identified; identity headers only, by default (loopback use and tests). */
  readonly auth?: ManageAuthOptions;
}

/** The one request body type the API accepts. */
export const ACCEPTED_CONTENT_TYPE = 'application/json';

const statusOfDenial = { forbidden: 403, 'kill-switch-engaged': 423, 'kill-switch-unknown': 503, 'not-found': 404 } as const;
const codeOfDenial = {
  forbidden: API_ERROR_CODES.forbidden,
  'kill-switch-engaged': API_ERROR_CODES.killSwitchEngaged,
  'kill-switch-unknown': API_ERROR_CODES.unavailable,
  'not-found': API_ERROR_CODES.notFound,
} as const;

/** `/manage/workloads/{workloadId}` → `/manage/workloads/:workloadId` (fastify's syntax). */
export function toFastifyPath(path: string): string {
  return path.replace(/\{([^}]+)\}/g, ':$1');
}

/**
 * Register the manage API on `app`: each route identifies the caller (a verified bearer token, or
 * trusted identity headers), runs core's filters in order (role, kill switch — failing closed when
 * it cannot be read), then validates params, query and body, then its handler (which applies
 * core's tenant scope), then checks its answer against the documented wire model. Every error
 * becomes a JSON `ApiError` body; 5xx are logged with their cause; none crashes the process.
 */
export function registerManageApi(
  app: FastifyInstance,
  { controlPlane, routes, auth = { trustIdentityHeaders: true } }: ManageApiOptions,
): void {
  // Every body is JSON: fastify would otherwise parse text/plain into a string (a 400 later) and
  // refuse forms with its own 415; both get the same 415 naming the accepted type.
  app.removeContentTypeParser('text/plain');
  // An empty JSON body (curl -H 'content-type: application/json' with no data) means no body; the
  // route decides whether it needs one. Anything else goes through fastify's own, hardened parser.
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    if (body === '') done(null, undefined);
    else parseJson(request, String(body), done);
  });
  app.addContentTypeParser('*', (request, _payload, done) => {
    const type = request.headers['content-type'] ?? '(none)';
    const message = `content type "${type}" is not accepted: send the body as ${ACCEPTED_CONTENT_TYPE}`;
    done(ManageApiError.invalid([{ field: 'header.content-type', message }], 415), undefined);
  });
  for (const route of routes) {
    app.route({
      method: route.method,
      url: toFastifyPath(route.path),
      handler: (request, reply) => serve(route, controlPlane, auth, request, reply),
    });
  }
  app.setNotFoundHandler((request, reply) => {
    const body = new ManageApiError(404, API_ERROR_CODES.notFound, `no route ${request.method} ${request.url.split('?')[0]}`).toBody();
    return reply.code(404).send(body);
  });
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const known = toManageApiError(error);
    if (known.status >= 500)
      request.log.error({ err: error, cause: known.cause }, known.status === 503 ? 'manage API unavailable' : 'manage API bug');
    return reply.code(known.status).send(known.toBody());
  });
}

async function serve(
  route: ManageRoute,
  controlPlane: ControlPlane,
  auth: ManageAuthOptions,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<FastifyReply> {
  const { principal, authenticatedBy } = await authenticate(request, auth);
  // Only a blocked action needs the switch as committed now (the create transaction checks it again).
  const killSwitch = KILL_SWITCH_BLOCKED_ACTIONS.includes(route.action)
    ? await controlPlane.readKillSwitch()
    : controlPlane.lastKnownKillSwitch;
  deny(checkAccess({ principal, action: route.action, killSwitch }));
  const params = route.params ? parseInput(route.params, request.params, 'params') : undefined;
  const query = route.query ? parseInput(route.query, request.query ?? {}, 'query') : undefined;
  const body = route.body ? parseInput(route.body, request.body ?? undefined, 'body') : undefined;
  const context: ManageRouteContext = {
    principal,
    controlPlane,
    authenticatedBy,
    requireVisible: <R extends TenantResource>(resource: R | undefined): R => {
      if (!resource) throw new ManageApiError(404, API_ERROR_CODES.notFound, 'no such resource in this tenant');
      deny(checkAccess({ principal, action: route.action, killSwitch, resource }));
      return resource;
    },
  };
  const result = await route.handle({ params, body, query }, context);
  const { status, schema } = route.success;
  return schema ? reply.code(status).send(schema.parse(result)) : reply.code(status).send();
}

async function authenticate(
  request: FastifyRequest,
  { verifyToken, trustIdentityHeaders }: ManageAuthOptions,
): Promise<{ principal: Principal; authenticatedBy: 'bearer-token' | 'identity-headers' }> {
  const authorization = request.headers.authorization;
  if (authorization !== undefined) {
    const token = /^Bearer +(\S+)$/i.exec(authorization)?.[1];
    if (!token) throw unauthenticated('header.authorization', 'use the Bearer scheme: "Authorization: Bearer <JWT>"');
    if (!verifyToken) {
      throw unauthenticated('header.authorization', 'bearer tokens are not accepted: this controller has no --jwt-key or --jwks-url');
    }
    return { principal: await verifyToken(token), authenticatedBy: 'bearer-token' };
  }
  if (!trustIdentityHeaders) {
    throw unauthenticated(
      'header.authorization',
      'missing bearer token: this controller accepts only signed tokens ("Authorization: Bearer <JWT>")',
    );
  }
  return { principal: identifyPrincipal(distinctHeaders(request.raw.rawHeaders)), authenticatedBy: 'identity-headers' };
}

/** Every value each header was sent with, by lower-case name: Node joins repeated custom headers with ", " in `headers`. */
function distinctHeaders(rawHeaders: readonly string[]): Record<string, string[]> {
  const headers: Record<string, string[]> = {};
  for (let index = 0; index + 1 < rawHeaders.length; index += 2) {
    const name = rawHeaders[index]?.toLowerCase() ?? '';
    (headers[name] ??= []).push(rawHeaders[index + 1] ?? '');
  }
  return headers;
}

function unauthenticated(field: string, message: string): ManageApiError {
  return new ManageApiError(401, API_ERROR_CODES.unauthenticated, `${field}: ${message}`, [{ field, message }]);
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

import { KILL_SWITCH_BLOCKED_ACTIONS, ROLE_PERMISSIONS, ROLES, wireModelJsonSchemas, wireModels, type JsonSchema } from '@alphaswarm/core';
import { z } from 'zod';
import type { ManageRoute } from '../routes/manage-route.js';
import { IDENTITY_HEADERS } from '../auth/identify-principal.js';
import { MANAGE_API_VERSION } from './manage-api-version.js';

/** The command that regenerates the checked-in document; the document names it. */
export const GENERATE_OPENAPI_COMMAND = 'pnpm nx run controller:generate-openapi';

/** An OpenAPI 3.1 document, as plain JSON. */
export type OpenApiDocument = Record<string, unknown> & { readonly paths: Record<string, Record<string, unknown>> };

const componentUri = (name: string): string => `#/components/schemas/${name}`;
const json = (schema: JsonSchema): Record<string, unknown> => ({ 'application/json': { schema } });

const errorDescriptions: Record<number, string> = {
  400: 'Invalid request: `field` names the offending part',
  401: 'No verifiable identity: a missing, expired, wrongly signed or claim-less bearer token, or missing, repeated or malformed identity headers',
  403: 'The caller’s roles do not grant this action',
  404: 'No such workload in the caller’s tenant',
  409: 'Conflicts with the current state; for a refused state change, `allowedNextStates` lists where the workload may go',
  415: 'The body is not application/json',
  423: 'Refused: the kill switch is engaged',
  500: 'A bug in the controller',
  503: 'The controller’s store (or provider) cannot be used now; nothing was changed. Workload creation is refused while the kill switch cannot be read',
};

/** The error statuses `route` can answer, derived from what it declares. */
function errorStatuses(route: ManageRoute): number[] {
  const statuses = [
    route.params || route.body || route.query ? 400 : undefined,
    401,
    ROLES.some((role) => !ROLE_PERMISSIONS[role].includes(route.action)) ? 403 : undefined,
    route.params ? 404 : undefined,
    route.conflicts ? 409 : undefined,
    route.body ? 415 : undefined,
    KILL_SWITCH_BLOCKED_ACTIONS.includes(route.action) ? 423 : undefined,
    500,
    503,
  ];
  return statuses.filter((status) => status !== undefined);
}

/** A `$ref` to the published wire model `schema` is; a route may only use published models. */
function modelRef(schema: z.ZodType, route: ManageRoute): JsonSchema {
  const model = wireModels.find((candidate) => candidate.schema === schema);
  if (!model) throw new TypeError(`route ${route.operationId} uses a schema that is not in core's wireModels; publish it there first`);
  return { $ref: componentUri(model.name) };
}

function operation(route: ManageRoute): Record<string, unknown> {
  const parameter = (location: 'path' | 'query', name: string, schema: z.ZodType) => {
    const { description, ...json } = strip(z.toJSONSchema(schema, { target: 'draft-2020-12', io: 'input' }));
    return { name, in: location, required: location === 'path', ...(description ? { description } : {}), schema: json };
  };
  const parameters = [
    ...Object.entries(route.params?.shape ?? {}).map(([name, schema]) => parameter('path', name, schema)),
    ...Object.entries(route.query?.shape ?? {}).map(([name, schema]) => parameter('query', name, schema)),
  ];
  const { status, description, schema } = route.success;
  return {
    operationId: route.operationId,
    summary: route.summary,
    tags: [route.tag],
    'x-alphaswarm-action': route.action,
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(route.body ? { requestBody: { required: true, content: json(modelRef(route.body, route)) } } : {}),
    responses: {
      [status]: schema ? { description, content: json(modelRef(schema, route)) } : { description },
      ...Object.fromEntries(
        errorStatuses(route).map((error) => [
          error,
          { description: errorDescriptions[error], content: json({ $ref: componentUri('ApiError') }) },
        ]),
      ),
    },
  };
}

function strip({ $schema: _schema, ...schema }: JsonSchema): JsonSchema {
  return schema;
}

/**
 * The OpenAPI extension that carries a wire model's version. JSON Schema has no `version` keyword,
 * so OpenAPI linters reject it on a schema object; an `x-` extension is the place for it.
 */
export const MODEL_VERSION_EXTENSION = 'x-alphaswarm-model-version';

/** A component schema with its model version moved into {@link MODEL_VERSION_EXTENSION}. */
function withVersionExtension({ version, ...schema }: JsonSchema): JsonSchema {
  return version === undefined ? schema : { ...schema, [MODEL_VERSION_EXTENSION]: version };
}

/** Where the controller listens when started with its defaults (`pnpm nx serve controller`). */
const localServer = { url: 'http://127.0.0.1:4100', description: 'The controller on its default address and port' };

/** The wire models reachable from `roots` through `$ref`s, in `wireModels` order. */
function reachableSchemas(roots: unknown): Record<string, JsonSchema> {
  const all = wireModelJsonSchemas(componentUri);
  const seen = new Set<string>();
  const visit = (value: unknown): void => {
    if (typeof value !== 'object' || value === null) return;
    for (const [key, inner] of Object.entries(value)) {
      const name = key === '$ref' && typeof inner === 'string' ? inner.replace(componentUri(''), '') : undefined;
      if (name !== undefined && !seen.has(name)) {
        seen.add(name);
        visit(all[name]);
      } else visit(inner);
    }
  };
  visit(roots);
  return Object.fromEntries(
    Object.entries(all).flatMap(([name, schema]) => (seen.has(name) ? [[name, withVersionExtension(schema)]] : [])),
  );
}

/** The OpenAPI 3.1 document of `routes`, built from their schemas and core's wire models. */
export function buildManageOpenApi(routes: readonly ManageRoute[]): OpenApiDocument {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) paths[route.path] = { ...paths[route.path], [route.method.toLowerCase()]: operation(route) };
  const identity = { tenant: 'alphaswarmTenant', principal: 'alphaswarmPrincipal', roles: 'alphaswarmRoles' } as const;
  const bearer = 'bearerToken';
  return {
    openapi: '3.1.0',
    'x-generated': `Generated from the controller's route schemas by \`${GENERATE_OPENAPI_COMMAND}\`; do not edit by hand.`,
    info: {
      title: 'AlphaSwarm manage API',
      version: MANAGE_API_VERSION,
      description:
        'The control plane’s /manage/* API: workload lifecycle with state history, the caller’s session, the platform-wide kill switch and the audit log. Callers are identified by a signed bearer token (JWT with `sub`, `tenant` and `roles` claims) or, where the controller trusts them (bound to loopback, or started with --trust-identity-headers), by identity headers.',
      // The package is UNLICENSED (npm's word for "not licensed for use by others"); the URL says what that means.
      license: { name: 'UNLICENSED', url: 'https://docs.npmjs.com/cli/v11/configuring-npm/package-json#license' },
    },
    servers: [localServer],
    tags: [
      { name: 'session', description: 'The caller as the controller sees it' },
      { name: 'workloads', description: 'Workload lifecycle, scoped to the caller’s tenant' },
      { name: 'control', description: 'The platform-wide kill switch and the audit log' },
    ],
    security: [{ [bearer]: [] }, { [identity.tenant]: [], [identity.principal]: [], [identity.roles]: [] }],
    paths,
    components: {
      securitySchemes: {
        [bearer]: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description:
            'A JWT signed with a public-key algorithm, verified against the controller’s --jwt-key or --jwks-url; claims: `sub` (the principal), `tenant`, `roles`.',
        },
        [identity.tenant]: {
          type: 'apiKey',
          in: 'header',
          name: IDENTITY_HEADERS.tenant,
          description: 'The tenant the caller acts for (an id).',
        },
        [identity.principal]: { type: 'apiKey', in: 'header', name: IDENTITY_HEADERS.principal, description: 'The caller (an id).' },
        [identity.roles]: {
          type: 'apiKey',
          in: 'header',
          name: IDENTITY_HEADERS.roles,
          description: `Comma-separated roles: ${ROLES.join(', ')}.`,
        },
      },
      schemas: reachableSchemas(paths),
    },
  };
}

/** The document as checked in: two-space JSON with a final newline. */
export function renderManageOpenApi(routes: readonly ManageRoute[]): string {
  return `${JSON.stringify(buildManageOpenApi(routes), null, 2)}\n`;
}

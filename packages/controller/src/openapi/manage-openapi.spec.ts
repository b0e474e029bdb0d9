import Fastify from 'fastify';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { wireModels } from '@alphaswarm/core';
import { emptyTestStore } from '../__fixtures__/test-server.js';
import { ControlPlane } from '../lifecycle/control-plane.js';
import { InProcessWorkloadProvider } from '../providers/in-process-workload-provider.js';
import { defineRoute } from '../routes/manage-route.js';
import { manageRoutes } from '../routes/manage-routes.js';
import { registerManageApi } from '../server/manage-api-plugin.js';
import { buildManageOpenApi, GENERATE_OPENAPI_COMMAND, MODEL_VERSION_EXTENSION, renderManageOpenApi } from './build-manage-openapi.js';

const documentPath = new URL('../../openapi/manage-api.openapi.json', import.meta.url);
const checkedIn = readFileSync(documentPath, 'utf8');
const methods = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'];

/** `GET /manage/x/{id}` for every operation of an OpenAPI document. */
const documentedOperations = (document: { paths: Record<string, Record<string, unknown>> }): string[] =>
  Object.entries(document.paths)
    .flatMap(([path, item]) =>
      Object.keys(item)
        .filter((key) => methods.includes(key))
        .map((method) => `${method.toUpperCase()} ${path}`),
    )
    .sort();

describe('the checked-in OpenAPI document', () => {
  it(`matches the route schemas (regenerate with \`${GENERATE_OPENAPI_COMMAND}\`)`, () => {
    expect(checkedIn).toBe(renderManageOpenApi(manageRoutes));
  });

  it('documents exactly the routes the server registers', async () => {
    const app = Fastify();
    const served: string[] = [];
    app.addHook('onRoute', (route) => {
      for (const method of [route.method].flat()) if (method !== 'HEAD') served.push(`${method} ${route.url.replace(/:(\w+)/g, '{$1}')}`);
    });
    const store = await emptyTestStore();
    registerManageApi(app, { controlPlane: new ControlPlane({ store, provider: new InProcessWorkloadProvider() }), routes: manageRoutes });
    await app.ready();
    await app.close();
    expect(served.sort()).toEqual(documentedOperations(JSON.parse(checkedIn)));
  });

  it('is OpenAPI 3.1 with a versioned info block and names its generator', () => {
    const document = JSON.parse(checkedIn);
    expect(document.openapi).toBe('3.1.0');
    expect(document.info.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(document['x-generated']).toContain(GENERATE_OPENAPI_COMMAND);
  });

  it('carries each model version in an x- extension (JSON Schema has no version keyword), and names a server and a license', () => {
    const document = buildManageOpenApi(manageRoutes);
    const schemas = (document['components'] as { schemas: Record<string, Record<string, unknown>> }).schemas;
    const versioned = Object.entries(schemas).map(([name, schema]) => [name, 'version' in schema, schema[MODEL_VERSION_EXTENSION]]);
    expect(versioned.filter(([, hasVersion, extension]) => hasVersion || typeof extension !== 'number')).toEqual([]);
    expect(schemas['Workload']?.[MODEL_VERSION_EXTENSION]).toBe(wireModels.find((model) => model.name === 'Workload')?.version);
    expect([document['servers'], (document['info'] as { license?: { name: string } }).license?.name]).toEqual([
      [{ url: 'http://127.0.0.1:4100', description: 'The controller on its default address and port' }],
      'UNLICENSED',
    ]);
  });

  it('documents bearer tokens, the identity headers, the error body and the kill-switch refusal', () => {
    const document = buildManageOpenApi(manageRoutes);
    const components = document['components'] as {
      securitySchemes: Record<string, { name?: string; scheme?: string }>;
      schemas: Record<string, unknown>;
    };
    expect(Object.values(components.securitySchemes).map((scheme) => scheme.name ?? scheme.scheme)).toEqual([
      'bearer',
      'x-alphaswarm-tenant',
      'x-alphaswarm-principal',
      'x-alphaswarm-roles',
    ]);
    expect(Object.keys(components.schemas).sort()).toEqual(
      [
        'Action',
        'ApiError',
        'AuditEntry',
        'AuditLog',
        'CreateWorkloadRequest',
        'KillSwitchState',
        'Principal',
        'Role',
        'Session',
        'SetKillSwitchRequest',
        'Workload',
        'WorkloadEvent',
        'WorkloadHistory',
        'WorkloadList',
        'WorkloadSpec',
        'WorkloadState',
      ].sort(),
    );
    const create = document.paths['/manage/workloads']?.['post'] as { responses: Record<string, unknown> };
    expect(Object.keys(create.responses)).toEqual(['201', '400', '401', '403', '409', '415', '423', '500', '503']);
  });

  it('refuses a route whose body is not a published wire model', () => {
    const route = defineRoute({
      method: 'POST',
      path: '/manage/loose',
      operationId: 'loose',
      summary: 'loose',
      tag: 'control',
      action: 'control:write',
      params: undefined,
      body: z.object({ a: z.string() }),
      success: { status: 204, description: 'done', schema: undefined },
      handle: async () => undefined,
    });
    expect(() => buildManageOpenApi([route])).toThrow("route loose uses a schema that is not in core's wireModels; publish it there first");
  });
});

import type { ProviderWorkload, WorkloadProvider, WorkloadState } from '@alphaswarm/core';
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { as, startTestServer, type TestServer } from '../__fixtures__/test-server.js';

const acmeOperator = as('acme', 'operator');
const acmeAdmin = as('acme', 'admin');
const acmePlatformAdmin = as('acme', 'platform-admin', 'root');
const globexAdmin = as('globex', 'admin', 'bob');
const feed = { name: 'feed', spec: { image: 'ghcr.io/alphaswarm/feed:1', replicas: 2 } };

let server: TestServer;
let app: FastifyInstance;

beforeEach(async () => {
  server = await startTestServer();
  app = server.app;
});
afterEach(() => server.close());

describe('workload lifecycle', () => {
  it('creates, lists, gets, stops and deletes a workload', async () => {
    const created = await app.inject({ method: 'POST', url: '/manage/workloads', headers: acmeOperator, payload: feed });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toEqual({
      id: 'wl-1',
      tenantId: 'acme',
      name: 'feed',
      spec: feed.spec,
      state: 'running',
      stateReason: 'started by provider in-process',
      provider: 'in-process',
      createdAt: '2026-05-01T12:00:00.000Z',
      updatedAt: '2026-05-01T12:00:00.000Z',
    });

    const list = await app.inject({ method: 'GET', url: '/manage/workloads', headers: acmeOperator });
    expect(list.json().items.map((workload: { id: string }) => workload.id)).toEqual(['wl-1']);

    const got = await app.inject({ method: 'GET', url: '/manage/workloads/wl-1', headers: acmeOperator });
    expect(got.json()).toMatchObject({ id: 'wl-1', state: 'running' });

    const stopped = await app.inject({ method: 'POST', url: '/manage/workloads/wl-1/stop', headers: acmeOperator });
    expect(stopped.json()).toMatchObject({ id: 'wl-1', state: 'stopped' });
    const again = await app.inject({ method: 'POST', url: '/manage/workloads/wl-1/stop', headers: acmeOperator });
    expect(again.json()).toMatchObject({ state: 'stopped' });

    const deleted = await app.inject({ method: 'DELETE', url: '/manage/workloads/wl-1', headers: acmeOperator });
    expect(deleted.statusCode).toBe(204);
    expect(deleted.body).toBe('');
    const gone = await app.inject({ method: 'GET', url: '/manage/workloads/wl-1', headers: acmeOperator });
    expect(gone.statusCode).toBe(404);
  });

  it('refuses a second workload with the same name in a tenant, but not in another tenant', async () => {
    await app.inject({ method: 'POST', url: '/manage/workloads', headers: acmeOperator, payload: feed });
    const duplicate = await app.inject({ method: 'POST', url: '/manage/workloads', headers: acmeOperator, payload: feed });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json()).toEqual({
      code: 'ASW-204',
      message: 'a workload named "feed" already exists in tenant "acme"; choose another name or delete it first',
    });
    const elsewhere = await app.inject({ method: 'POST', url: '/manage/workloads', headers: globexAdmin, payload: feed });
    expect(elsewhere.statusCode).toBe(201);
  });

  it('records a workload whose provider fails to start it as failed', async () => {
    const failing: WorkloadProvider = {
      name: 'broken',
      start: (_workload: ProviderWorkload): Promise<WorkloadState> => Promise.reject(new Error('no capacity')),
      stop: () => Promise.resolve('stopped'),
      status: () => Promise.resolve(undefined),
      remove: () => Promise.resolve(),
    };
    await server.close();
    server = await startTestServer({ provider: failing });
    app = server.app;
    const created = await app.inject({ method: 'POST', url: '/manage/workloads', headers: acmeOperator, payload: feed });
    expect(created.json()).toMatchObject({
      state: 'failed',
      provider: 'broken',
      stateReason: 'provider broken failed to start it: no capacity',
    });
  });
});

describe('tenant scoping', () => {
  it('hides a workload from every other tenant, even from its admins', async () => {
    await app.inject({ method: 'POST', url: '/manage/workloads', headers: acmeOperator, payload: feed });
    const list = await app.inject({ method: 'GET', url: '/manage/workloads', headers: globexAdmin });
    expect(list.json()).toEqual({ items: [] });
    for (const [method, url] of [
      ['GET', '/manage/workloads/wl-1'],
      ['POST', '/manage/workloads/wl-1/stop'],
      ['DELETE', '/manage/workloads/wl-1'],
    ] as const) {
      const response = await app.inject({ method, url, headers: globexAdmin });
      expect(response.statusCode).toBe(404);
      expect(response.json()).toEqual({ code: 'ASW-203', message: 'no such resource in this tenant' });
    }
    const still = await app.inject({ method: 'GET', url: '/manage/workloads/wl-1', headers: acmeOperator });
    expect(still.json()).toMatchObject({ state: 'running' });
  });
});

describe('roles and the kill switch', () => {
  it.each([
    ['operator', 'control:write is not allowed for operator'],
    ['admin', 'control:write is not allowed for admin'],
  ])('refuses the platform-wide kill switch to a tenant %s (403)', async (role, message) => {
    const response = await app.inject({
      method: 'PUT',
      url: '/manage/control/kill-switch',
      headers: as('acme', role),
      payload: { engaged: true, reason: 'x' },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json()).toEqual({ code: 'ASW-202', message });
  });

  it('stops every workload when engaged and refuses creation until released', async () => {
    await app.inject({ method: 'POST', url: '/manage/workloads', headers: acmeOperator, payload: feed });
    await app.inject({ method: 'POST', url: '/manage/workloads', headers: globexAdmin, payload: feed });
    const engaged = await app.inject({
      method: 'PUT',
      url: '/manage/control/kill-switch',
      headers: acmePlatformAdmin,
      payload: { engaged: true, reason: 'market halt' },
    });
    expect(engaged.json()).toEqual({ engaged: true, reason: 'market halt', changedBy: 'root', changedAt: '2026-05-01T12:00:00.000Z' });

    const stopped = await app.inject({ method: 'GET', url: '/manage/workloads', headers: globexAdmin });
    expect(stopped.json().items.map((workload: { state: string }) => workload.state)).toEqual(['stopped']);

    const refused = await app.inject({
      method: 'POST',
      url: '/manage/workloads',
      headers: acmeOperator,
      payload: { ...feed, name: 'other' },
    });
    expect(refused.statusCode).toBe(423);
    expect(refused.json()).toEqual({ code: 'ASW-205', message: 'workload:create is refused: the kill switch is engaged (market halt)' });

    const session = await app.inject({ method: 'GET', url: '/manage/session', headers: as('acme', 'viewer,operator') });
    expect(session.json()).toMatchObject({
      principal: { id: 'ada', tenantId: 'acme', roles: ['viewer', 'operator'] },
      killSwitch: { engaged: true },
    });

    await app.inject({
      method: 'PUT',
      url: '/manage/control/kill-switch',
      headers: acmePlatformAdmin,
      payload: { engaged: false, reason: 'resumed' },
    });
    const allowed = await app.inject({
      method: 'POST',
      url: '/manage/workloads',
      headers: acmeOperator,
      payload: { ...feed, name: 'other' },
    });
    expect(allowed.statusCode).toBe(201);
  });
});

describe('state history, refused transitions and the audit log', () => {
  it('records every state change of a workload, with its source and who caused it', async () => {
    await app.inject({ method: 'POST', url: '/manage/workloads', headers: acmeOperator, payload: feed });
    await app.inject({ method: 'POST', url: '/manage/workloads/wl-1/stop', headers: as('acme', 'operator', 'eve') });
    const history = await app.inject({ method: 'GET', url: '/manage/workloads/wl-1/history', headers: acmeOperator });
    const at = '2026-05-01T12:00:00.000Z';
    expect(history.json()).toEqual({
      workloadId: 'wl-1',
      items: [
        { sequence: 1, at, from: null, to: 'pending', reason: 'created by ada', source: 'request', changedBy: 'ada' },
        { sequence: 2, at, from: 'pending', to: 'running', reason: 'started by provider in-process', source: 'provider', changedBy: null },
        { sequence: 3, at, from: 'running', to: 'stopping', reason: 'stopped by eve', source: 'request', changedBy: 'eve' },
        { sequence: 4, at, from: 'stopping', to: 'stopped', reason: 'stopped by eve', source: 'provider', changedBy: null },
      ],
    });
    const hidden = await app.inject({ method: 'GET', url: '/manage/workloads/wl-1/history', headers: globexAdmin });
    expect(hidden.statusCode).toBe(404);
  });

  it('refuses to stop a failed workload with 409, naming the allowed next states', async () => {
    await server.close();
    const broken: WorkloadProvider = {
      name: 'broken',
      start: () => Promise.reject(new Error('no capacity')),
      stop: () => Promise.resolve('stopped'),
      status: () => Promise.resolve({ state: 'failed' }),
      remove: () => Promise.resolve(),
    };
    server = await startTestServer({ provider: broken });
    app = server.app;
    await app.inject({ method: 'POST', url: '/manage/workloads', headers: acmeOperator, payload: feed });
    const refused = await app.inject({ method: 'POST', url: '/manage/workloads/wl-1/stop', headers: acmeOperator });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toEqual({
      code: 'ASW-204',
      message: 'workload wl-1 is failed and cannot become stopped; allowed next states: none (failed is final)',
      allowedNextStates: [],
    });
  });

  it('keeps who engaged the kill switch, when and why, and shows each tenant only its own workload actions', async () => {
    await app.inject({ method: 'POST', url: '/manage/workloads', headers: acmeOperator, payload: feed });
    await app.inject({ method: 'POST', url: '/manage/workloads', headers: globexAdmin, payload: feed });
    await app.inject({
      method: 'PUT',
      url: '/manage/control/kill-switch',
      headers: acmePlatformAdmin,
      payload: { engaged: true, reason: 'drill' },
    });
    const audit = await app.inject({ method: 'GET', url: '/manage/control/audit', headers: acmeAdmin });
    const at = '2026-05-01T12:00:00.000Z';
    expect(audit.json()).toEqual({
      items: [
        {
          id: 3,
          at,
          action: 'kill-switch:engage',
          actor: { id: 'root', tenantId: 'acme' },
          tenantId: null,
          workloadId: null,
          reason: 'drill',
        },
        {
          id: 1,
          at,
          action: 'workload:create',
          actor: { id: 'ada', tenantId: 'acme' },
          tenantId: 'acme',
          workloadId: 'wl-1',
          reason: null,
        },
      ],
      nextBefore: null,
    });
    const globex = await app.inject({ method: 'GET', url: '/manage/control/audit?limit=1', headers: globexAdmin });
    expect(globex.json()).toMatchObject({ items: [{ id: 3, action: 'kill-switch:engage' }], nextBefore: 3 });
    const older = await app.inject({ method: 'GET', url: '/manage/control/audit?limit=1&before=3', headers: globexAdmin });
    expect(older.json()).toMatchObject({ items: [{ id: 2, action: 'workload:create', workloadId: 'wl-2' }], nextBefore: null });
    const operator = await app.inject({ method: 'GET', url: '/manage/control/audit', headers: acmeOperator });
    expect(operator.statusCode).toBe(403);
    const bad = await app.inject({ method: 'GET', url: '/manage/control/audit?limit=0', headers: acmeAdmin });
    expect(bad.json()).toMatchObject({ code: 'ASW-200', field: 'query.limit' });
  });

  it('reports the session, how the caller was identified and since when', async () => {
    const session = await app.inject({ method: 'GET', url: '/manage/session', headers: acmeAdmin });
    expect(session.json()).toEqual({
      principal: { id: 'ada', tenantId: 'acme', roles: ['admin'] },
      permissions: ['session:read', 'workload:read', 'workload:create', 'workload:stop', 'workload:delete', 'control:read', 'audit:read'],
      killSwitch: { engaged: false, reason: null, changedBy: null, changedAt: null },
      authenticatedBy: 'identity-headers',
      firstSeenAt: '2026-05-01T12:00:00.000Z',
    });
  });
});

describe('a store that cannot be used', () => {
  it('answers 503 and refuses creation (failing closed) instead of assuming the kill switch is off', async () => {
    await server.close();
    server = await startTestServer({ ownStore: true });
    app = server.app;
    await server.store.close();
    const create = await app.inject({ method: 'POST', url: '/manage/workloads', headers: acmeOperator, payload: feed });
    expect(create.statusCode).toBe(503);
    expect(create.json()).toEqual({
      code: 'ASW-206',
      message: 'workload:create is refused: the kill switch cannot be read, so the control plane fails closed until its store is back',
    });
    const list = await app.inject({ method: 'GET', url: '/manage/workloads', headers: acmeOperator });
    expect(list.statusCode).toBe(503);
    expect(list.json().message).toMatch(
      /^the control plane's store \(PGlite in memory\) cannot be used: .+; nothing was changed, try again when it is back$/,
    );
  });
});

describe('bad input', () => {
  it.each([
    ['text/plain', 'a plain string'],
    ['application/x-www-form-urlencoded', 'name=feed'],
  ])('answers %s bodies with the same 415 naming the accepted type', async (type, payload) => {
    const response = await app.inject({
      method: 'POST',
      url: '/manage/workloads',
      headers: { ...acmeOperator, 'content-type': type },
      payload,
    });
    expect(response.statusCode).toBe(415);
    expect(response.json()).toEqual({
      code: 'ASW-200',
      message: `header.content-type: content type "${type}" is not accepted: send the body as application/json`,
      field: 'header.content-type',
      issues: [{ field: 'header.content-type', message: `content type "${type}" is not accepted: send the body as application/json` }],
    });
  });

  it('takes an empty JSON body as no body', async () => {
    await app.inject({ method: 'POST', url: '/manage/workloads', headers: acmeOperator, payload: feed });
    const stop = await app.inject({
      method: 'POST',
      url: '/manage/workloads/wl-1/stop',
      headers: { ...acmeOperator, 'content-type': 'application/json' },
      payload: '',
    });
    expect(stop.json()).toMatchObject({ state: 'stopped' });
    const create = await app.inject({
      method: 'POST',
      url: '/manage/workloads',
      headers: { ...acmeOperator, 'content-type': 'application/json' },
      payload: '',
    });
    expect(create.json()).toMatchObject({ code: 'ASW-200', field: 'body' });
  });

  it('says an identity header was given more than once', async () => {
    const response = await app.inject({
      method: 'GET',
      url: '/manage/workloads',
      headers: { ...acmeOperator, 'x-alphaswarm-roles': ['viewer', 'admin'] },
    });
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({
      field: 'header.x-alphaswarm-roles',
      message: 'header.x-alphaswarm-roles: given more than once: send it exactly once',
    });
  });

  it.each([
    ['a bad name', { ...feed, name: 'Feed' }, 'body.name'],
    ['no spec', { name: 'feed' }, 'body.spec'],
    ['zero replicas', { ...feed, spec: { ...feed.spec, replicas: 0 } }, 'body.spec.replicas'],
    ['a fractional replica count', { ...feed, spec: { ...feed.spec, replicas: 1.5 } }, 'body.spec.replicas'],
    ['an unknown field', { ...feed, priority: 1 }, 'body.priority'],
    ['a bad env name', { ...feed, spec: { ...feed.spec, env: { 'A-B': '1' } } }, 'body.spec.env.A-B'],
    ['a non-object', [1, 2], 'body'],
  ])('answers 400 naming the field for %s', async (_case, payload, field) => {
    const response = await app.inject({ method: 'POST', url: '/manage/workloads', headers: acmeOperator, payload });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'ASW-200', field });
    expect(response.json().message).toMatch(new RegExp(`^${field.replace(/\./g, '\\.')}: `));
  });

  it('answers 400 for a body that is not JSON', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/manage/workloads',
      headers: { ...acmeOperator, 'content-type': 'application/json' },
      payload: '{"name":',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'ASW-200', field: 'body' });
  });

  it('answers 400 naming a malformed path parameter', async () => {
    const response = await app.inject({ method: 'GET', url: '/manage/workloads/NOT_AN_ID', headers: acmeOperator });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'ASW-200', field: 'params.workloadId' });
  });

  it.each([
    [{}, 'header.x-alphaswarm-tenant', 'missing header'],
    [
      { ...acmeOperator, 'x-alphaswarm-tenant': 'Acme' },
      'header.x-alphaswarm-tenant',
      'use 1-63 lowercase letters, digits or dashes, starting with a letter or digit',
    ],
    [
      { ...acmeOperator, 'x-alphaswarm-roles': 'operator,root' },
      'header.x-alphaswarm-roles',
      'Invalid option: expected one of "viewer"|"operator"|"admin"|"platform-admin"',
    ],
  ])('answers 401 naming the identity header (%j)', async (headers, field, message) => {
    const response = await app.inject({ method: 'GET', url: '/manage/workloads', headers });
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ code: 'ASW-201', field, message: `${field}: ${message}` });
  });

  it('answers unknown routes with a JSON 404', async () => {
    const response = await app.inject({ method: 'GET', url: '/manage/nothing?x=1', headers: acmeOperator });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({ code: 'ASW-203', message: 'no route GET /manage/nothing' });
  });
});

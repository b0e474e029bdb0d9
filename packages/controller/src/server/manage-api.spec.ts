import type { ProviderWorkload, WorkloadProvider, WorkloadState } from '@alphaswarm/core';
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ControlPlane } from '../lifecycle/control-plane.js';
import { InProcessWorkloadProvider } from '../providers/in-process-workload-provider.js';
import { createManageServer } from './create-manage-server.js';

const as = (tenant: string, roles: string, principal = 'ada') => ({
  'x-alphaswarm-tenant': tenant,
  'x-alphaswarm-principal': principal,
  'x-alphaswarm-roles': roles,
});
const acmeOperator = as('acme', 'operator');
const acmeAdmin = as('acme', 'admin');
const globexAdmin = as('globex', 'admin', 'bob');
const feed = { name: 'feed', spec: { image: 'ghcr.io/alphaswarm/feed:1', replicas: 2 } };

let ids = 0;
let app: FastifyInstance;
const build = (provider: WorkloadProvider = new InProcessWorkloadProvider()): FastifyInstance =>
  createManageServer({
    controlPlane: new ControlPlane({ provider, now: () => new Date('2026-05-01T12:00:00.000Z'), newId: () => `wl-${++ids}` }),
  });

beforeEach(() => {
  ids = 0;
  app = build();
});
afterEach(() => app.close());

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
    await app.close();
    app = build(failing);
    const created = await app.inject({ method: 'POST', url: '/manage/workloads', headers: acmeOperator, payload: feed });
    expect(created.json()).toMatchObject({ state: 'failed', provider: 'broken' });
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
  it('lets only admins set the kill switch', async () => {
    const response = await app.inject({
      method: 'PUT',
      url: '/manage/control/kill-switch',
      headers: acmeOperator,
      payload: { engaged: true, reason: 'x' },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json()).toEqual({ code: 'ASW-202', message: 'control:write is not allowed for operator' });
  });

  it('stops every workload when engaged and refuses creation until released', async () => {
    await app.inject({ method: 'POST', url: '/manage/workloads', headers: acmeOperator, payload: feed });
    await app.inject({ method: 'POST', url: '/manage/workloads', headers: globexAdmin, payload: feed });
    const engaged = await app.inject({
      method: 'PUT',
      url: '/manage/control/kill-switch',
      headers: acmeAdmin,
      payload: { engaged: true, reason: 'market halt' },
    });
    expect(engaged.json()).toEqual({ engaged: true, reason: 'market halt', changedBy: 'ada', changedAt: '2026-05-01T12:00:00.000Z' });

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
      headers: acmeAdmin,
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

describe('bad input', () => {
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
    [{}, 'header.x-alphaswarm-tenant', 'missing header (or given more than once)'],
    [
      { ...acmeOperator, 'x-alphaswarm-tenant': 'Acme' },
      'header.x-alphaswarm-tenant',
      'use 1-63 lowercase letters, digits or dashes, starting with a letter or digit',
    ],
    [
      { ...acmeOperator, 'x-alphaswarm-roles': 'operator,root' },
      'header.x-alphaswarm-roles',
      'Invalid option: expected one of "viewer"|"operator"|"admin"',
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

import type { KillSwitchState, Session, Workload } from '@alphaswarm/client';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { json, scriptedFetch, type Answer } from '../__fixtures__/scripted-fetch.js';
import { OperatorApp } from './operator-app.js';

const released: KillSwitchState = { engaged: false, reason: null, changedBy: null, changedAt: null };
const session = (
  tenant: string,
  principal: string,
  role: Session['principal']['roles'][number],
  permissions: Session['permissions'],
): Session => ({
  principal: { id: principal, tenantId: tenant, roles: [role] },
  permissions,
  killSwitch: released,
  authenticatedBy: 'identity-headers',
  firstSeenAt: '2026-12-06T12:00:00.000Z',
});
const workload = (name: string, tenantId: string): Workload => ({
  id: `wl-${name}`,
  tenantId,
  name,
  spec: { image: 'feed:1', replicas: 1 },
  state: 'running',
  stateReason: null,
  provider: 'in-process',
  createdAt: new Date(Date.now() - 90_000).toISOString(),
  updatedAt: new Date().toISOString(),
});

/** Routes every call the page makes on load for one tenant. */
const tenantRoutes = (list: Answer, extra: Record<string, Answer> = {}): Record<string, Answer> => ({
  'GET /manage/session': (request) =>
    json(
      200,
      session(request.headers['x-alphaswarm-tenant'] ?? '', request.headers['x-alphaswarm-principal'] ?? '', 'viewer', ['session:read']),
    ),
  'GET /manage/workloads': list,
  'GET /manage/control/kill-switch': () => json(200, released),
  ...extra,
});

const renderApp = (fetch: (request: Request) => Promise<Response>) =>
  render(
    <OperatorApp
      baseUrl="http://controller.test"
      initialIdentity={{ tenant: 'acme', principal: 'ada', role: 'viewer' }}
      refreshMs={60_000}
      fetch={fetch}
    />,
  );

afterEach(cleanup);

describe('OperatorApp', () => {
  it('lists the tenant’s workloads with state, provider and age, sending only the picked identity', async () => {
    const api = scriptedFetch(tenantRoutes(() => json(200, { items: [workload('feed', 'acme')] })));
    renderApp(api.fetch);
    const table = await screen.findByRole('table', { name: 'Workloads of acme' });
    expect(
      within(table)
        .getAllByRole('row')
        .map((row) => row.textContent),
    ).toEqual(['NameStateProviderAge', 'feedrunningin-process1 min']);
    expect(api.seen.length).toBeGreaterThanOrEqual(3);
    for (const request of api.seen)
      expect(request.headers).toEqual({ 'x-alphaswarm-principal': 'ada', 'x-alphaswarm-roles': 'viewer', 'x-alphaswarm-tenant': 'acme' });
  });

  it('offers every action whatever the role: the API decides, and its refusal is shown', async () => {
    const api = scriptedFetch(
      tenantRoutes(() => json(200, { items: [] }), {
        'PUT /manage/control/kill-switch': () => json(403, { code: 'ASW-202', message: 'control:write is not allowed for viewer' }),
      }),
    );
    renderApp(api.fetch);
    await screen.findByText('Tenant acme has no workloads.');
    screen.getByRole('button', { name: 'Create workload' });
    screen.getByRole('button', { name: 'Release kill switch' });
    fireEvent.click(screen.getByRole('button', { name: 'Engage kill switch' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe(
      'Setting the kill switch failed. The API does not allow this for your role (403): control:write is not allowed for viewer [ASW-202]',
    );
    expect(api.seen.filter((request) => request.method === 'PUT')).toEqual([
      { method: 'PUT', path: '/manage/control/kill-switch', headers: expect.any(Object), body: { engaged: true, reason: '' } },
    ]);
  });

  it('says in words that the controller cannot be reached, instead of showing nothing', async () => {
    renderApp(async () => {
      throw new TypeError('Failed to fetch');
    });
    await waitFor(() =>
      expect(screen.getAllByRole('alert').map((alert) => alert.textContent)).toContain(
        'Listing the workloads failed. No answer from the controller: GET http://controller.test/manage/workloads got no answer: Failed to fetch. Is the controller running at http://controller.test?',
      ),
    );
  });

  it('shows which request it is waiting for while a create is in flight', async () => {
    let answer: (response: Response) => void = () => undefined;
    const api = scriptedFetch(
      tenantRoutes(() => json(200, { items: [] }), {
        'POST /manage/workloads': () => new Promise<Response>((resolve) => (answer = resolve)),
      }),
    );
    renderApp(api.fetch);
    await screen.findByText('Tenant acme has no workloads.');
    fireEvent.click(screen.getByRole('button', { name: 'Create workload' }));
    const progress = screen.getByRole('status', { name: 'Requests in progress' });
    await waitFor(() => expect(progress.textContent).toBe('Waiting for the controller: POST /manage/workloads…'));
    expect(screen.getByRole('button', { name: 'Creating…' }).getAttribute('aria-busy')).toBe('true');
    answer(json(201, workload('feed', 'acme')));
    await waitFor(() => expect(progress.textContent).toBe(''));
  });

  it('never shows a list answered for an identity the person has left', async () => {
    let answerAcme: (response: Response) => void = () => undefined;
    const api = scriptedFetch(
      tenantRoutes((request) =>
        request.headers['x-alphaswarm-tenant'] === 'acme'
          ? new Promise<Response>((resolve) => (answerAcme = resolve))
          : json(200, { items: [] }),
      ),
    );
    renderApp(api.fetch);
    await waitFor(() => expect(api.seen.some((request) => request.path === '/manage/workloads')).toBe(true));
    const identity = screen.getByRole('form', { name: 'Identity' });
    fireEvent.input(within(identity).getByRole('textbox', { name: 'Tenant' }), { target: { value: 'globex' } });
    fireEvent.click(within(identity).getByRole('button', { name: 'Act as this identity' }));
    await screen.findByText('Tenant globex has no workloads.');
    answerAcme(json(200, { items: [workload('feed', 'acme')] }));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.queryByRole('button', { name: 'Open feed' })).toBeNull();
    expect(screen.getByText('Tenant globex has no workloads.')).toBeTruthy();
  });
});

// Integration test (declared in integrationTests of tools/policy/policy.json): starts the built
// controller as a separate process on an ephemeral port and drives it only over HTTP through the
// generated client. The controller is reached as a program (its build output), never imported;
// the client:integration target builds it first. client:test leaves this file out.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createManageClient, type ManageClient, type ManageIdentity } from './create-manage-client.js';
import type { CreateWorkloadRequest } from './manage-api-types.js';

const controllerEntry = fileURLToPath(new URL('../../controller/dist/main.js', import.meta.url));
const readme = fileURLToPath(new URL('../README.md', import.meta.url));
const entry = fileURLToPath(new URL('./index.ts', import.meta.url));
const exampleDir = fileURLToPath(new URL('../test-output/readme-example', import.meta.url));
const feed: CreateWorkloadRequest = { name: 'feed', spec: { image: 'ghcr.io/alphaswarm/feed:1', replicas: 2, env: { VENUE: 'xnys' } } };

/** A controller process of this spec: its URL, its data directory and everything it printed. */
interface Controller {
  readonly child: ChildProcessWithoutNullStreams;
  readonly dataDir: string;
  readonly baseUrl: string;
  readonly output: () => string;
}

const started: Controller[] = [];
let controller: Controller;
const clientFor = (identity: ManageIdentity): ManageClient =>
  createManageClient({ baseUrl: controller.baseUrl, identity, retry: { retries: 0, delayMs: 0 } });

let tenants = 0;
/**
 * A fresh tenant with an operator, a tenant admin and a platform admin: each test works in its own
 * tenant, so no test sees another's workloads and the tests pass in any order.
 */
function freshTenant(): { tenant: string; operator: ManageClient; tenantAdmin: ManageClient; platformAdmin: ManageClient } {
  tenants += 1;
  const tenant = `tenant-${tenants}`;
  return {
    tenant,
    operator: clientFor({ tenant, principal: 'ada', roles: ['operator'] }),
    tenantAdmin: clientFor({ tenant, principal: 'bob', roles: ['admin'] }),
    platformAdmin: clientFor({ tenant, principal: 'root', roles: ['platform-admin'] }),
  };
}

/** Start the built controller on an ephemeral port with a data directory of its own; rejects if it exits before listening. */
async function startController(): Promise<Controller> {
  if (!existsSync(controllerEntry))
    throw new Error(`${controllerEntry} is missing: run \`pnpm nx build controller\` (nx test client does it first)`);
  const dataDir = await mkdtemp(join(tmpdir(), 'client-integration-'));
  const child = spawn(process.execPath, [controllerEntry, '--port', '0', '--data-dir', dataDir, '--provider', 'in-process'], {
    stdio: 'pipe',
  });
  let output = '';
  const baseUrl = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match?.[1]) resolve(match[1]);
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`the controller exited with ${code} before listening:\n${output}`)));
  });
  const result = { child, dataDir, baseUrl, output: () => output };
  started.push(result);
  return result;
}

// The first start creates the embedded database: seconds, more on a loaded machine.
beforeAll(async () => {
  controller = await startController();
}, 120_000);

afterAll(async () => {
  for (const { child, dataDir } of started.splice(0)) {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = once(child, 'exit');
      child.kill('SIGKILL');
      await exited;
    }
    await rm(dataDir, { recursive: true, force: true });
  }
});

describe('the manage API through the generated client', () => {
  it('starts on an ephemeral port', () => {
    expect(controller.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:(?!0$)\d+$/);
  });

  it('runs the README’s example as written, against this controller', async () => {
    const example = /```ts\n([\s\S]*?)```/.exec(await readFile(readme, 'utf8'))?.[1];
    expect(example).toContain("from '@alphaswarm/client'");
    const runnable = (example ?? '')
      .replace("'@alphaswarm/client'", JSON.stringify(entry))
      .replace("'http://127.0.0.1:4100'", JSON.stringify(controller.baseUrl));
    // Written inside the package (test-output/ is git-ignored) and imported by a literal path, so
    // the boundary checkers can see what the spec imports.
    await mkdir(exampleDir, { recursive: true });
    await writeFile(join(exampleDir, 'readme-example.ts'), runnable);
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      await vi.importActual('../test-output/readme-example/readme-example.ts');
      expect(log.mock.calls).toEqual([['created hello: running'], ['hello is running'], ['refused: 400 ASW-200 at body.spec.replicas']]);
    } finally {
      log.mockRestore();
    }
  });

  it('reports the caller’s session as the API decides it', async () => {
    const { tenant, operator } = freshTenant();
    expect(await operator.session()).toEqual({
      principal: { id: 'ada', tenantId: tenant, roles: ['operator'] },
      permissions: ['session:read', 'workload:read', 'workload:create', 'workload:stop', 'workload:delete', 'control:read'],
      // Released, whether or not the kill-switch test (which engages and releases it) ran before.
      killSwitch: expect.objectContaining({ engaged: false }),
      authenticatedBy: 'identity-headers',
      firstSeenAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
  });

  it('creates a workload', async () => {
    const { tenant, operator } = freshTenant();
    expect(await operator.createWorkload(feed)).toMatchObject({
      tenantId: tenant,
      name: 'feed',
      spec: feed.spec,
      state: 'running',
      provider: 'in-process',
    });
  });

  it('lists and gets it', async () => {
    const { operator } = freshTenant();
    const { id } = await operator.createWorkload(feed);
    expect((await operator.listWorkloads()).map((workload) => workload.id)).toEqual([id]);
    expect(await operator.getWorkload(id)).toMatchObject({ id, state: 'running' });
  });

  it('hides it from another tenant', async () => {
    const { operator } = freshTenant();
    const other = freshTenant().tenantAdmin;
    const { id } = await operator.createWorkload(feed);
    expect(await other.listWorkloads()).toEqual([]);
    await expect(other.getWorkload(id)).rejects.toMatchObject({ status: 404, code: 'ASW-203' });
    await expect(other.stopWorkload(id)).rejects.toMatchObject({ status: 404, code: 'ASW-203' });
  });

  it('stops it', async () => {
    const { operator } = freshTenant();
    const { id } = await operator.createWorkload(feed);
    expect(await operator.stopWorkload(id)).toMatchObject({ id, state: 'stopped' });
    expect(await operator.getWorkload(id)).toMatchObject({ state: 'stopped' });
  });

  it.each([
    ['an invalid name and replica count', { name: 'Not An Id', spec: { image: 'feed:1', replicas: 0 } }, 'body.name'],
    ['zero replicas', { name: 'feed-2', spec: { image: 'feed:1', replicas: 0 } }, 'body.spec.replicas'],
    ['a missing spec', { name: 'feed-2' }, 'body.spec'],
    ['an unknown field', { ...feed, name: 'feed-2', owner: 'me' }, 'body.owner'],
  ])('answers a body with %s with 400 naming %s', async (_case, body, field) => {
    // Deliberately malformed input: the typed wrapper would not accept it, so it goes through the generated client as-is.
    const { error, response } = await freshTenant().operator.raw.POST('/manage/workloads', { body: body as CreateWorkloadRequest });
    expect(response.status).toBe(400);
    expect(error).toMatchObject({ code: 'ASW-200', field });
  });

  // The kill switch is global: the test releases it before it ends, so the tests after it (in any order) run with it released.
  it('refuses creation once the kill switch is engaged, and stopped what ran', async () => {
    const { tenant, operator, tenantAdmin, platformAdmin } = freshTenant();
    const otherTenant = freshTenant().operator;
    const second = await operator.createWorkload({ ...feed, name: 'feed-2' });
    await expect(operator.setKillSwitch({ engaged: true, reason: 'not an admin' })).rejects.toMatchObject({ status: 403, code: 'ASW-202' });
    await expect(tenantAdmin.setKillSwitch({ engaged: true, reason: 'a tenant admin' })).rejects.toMatchObject({
      status: 403,
      message: expect.stringContaining('control:write is not allowed for admin'),
    });
    try {
      expect(await platformAdmin.setKillSwitch({ engaged: true, reason: 'market halt' })).toMatchObject({
        engaged: true,
        reason: 'market halt',
        changedBy: 'root',
      });

      const refused = operator.createWorkload({ ...feed, name: 'feed-3' });
      await expect(refused).rejects.toMatchObject({
        status: 423,
        code: 'ASW-205',
        message: expect.stringContaining('the kill switch is engaged (market halt)'),
      });
      await expect(otherTenant.createWorkload(feed)).rejects.toMatchObject({ status: 423 });
      expect(await operator.getWorkload(second.id)).toMatchObject({ state: 'stopped' });
      expect((await operator.session()).killSwitch.engaged).toBe(true);
      expect(
        (await operator.getWorkloadHistory(second.id)).items.map((event) => `${event.to} by ${event.changedBy ?? event.source}`),
      ).toEqual(['pending by ada', 'running by provider', 'stopping by root', 'stopped by provider']);
      const audit = await platformAdmin.getAuditLog({ limit: 1 });
      expect(audit.items).toMatchObject([{ action: 'kill-switch:engage', actor: { id: 'root', tenantId: tenant }, reason: 'market halt' }]);
      expect(audit.nextBefore).toBe(audit.items[0]?.id);
    } finally {
      await platformAdmin.setKillSwitch({ engaged: false, reason: 'halt over' });
    }
    expect((await operator.session()).killSwitch.engaged).toBe(false);
  });

  it('deletes a workload', async () => {
    const { operator } = freshTenant();
    const { id } = await operator.createWorkload(feed);
    await operator.stopWorkload(id);
    await operator.deleteWorkload(id);
    await expect(operator.getWorkload(id)).rejects.toMatchObject({ status: 404 });
  });

  // A controller of its own: stopping the shared one would break every test that runs after this one.
  it('shuts down cleanly on SIGTERM', async () => {
    const own = await startController();
    const exited = once(own.child, 'exit');
    own.child.kill('SIGTERM');
    expect(await exited).toEqual([0, null]);
    expect(own.output()).toContain('alphaswarm controller: SIGTERM, shutting down');
  }, 120_000);
});

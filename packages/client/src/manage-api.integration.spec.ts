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

let controller: ChildProcessWithoutNullStreams;
let dataDir: string;
let output = '';
let baseUrl: string;
const clientFor = (identity: ManageIdentity): ManageClient => createManageClient({ baseUrl, identity, retry: { retries: 0, delayMs: 0 } });
let acme: ManageClient;
let globex: ManageClient;
let admin: ManageClient;

/** Resolves with the URL the controller prints once it listens; rejects if it exits first. */
function listeningUrl(child: ChildProcessWithoutNullStreams): Promise<string> {
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match?.[1]) resolve(match[1]);
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`the controller exited with ${code} before listening:\n${output}`)));
  });
}

beforeAll(async () => {
  if (!existsSync(controllerEntry))
    throw new Error(`${controllerEntry} is missing: run \`pnpm nx build controller\` (nx test client does it first)`);
  dataDir = await mkdtemp(join(tmpdir(), 'client-integration-'));
  controller = spawn(process.execPath, [controllerEntry, '--port', '0', '--data-dir', dataDir, '--provider', 'in-process'], {
    stdio: 'pipe',
  });
  baseUrl = await listeningUrl(controller);
  acme = clientFor({ tenant: 'acme', principal: 'ada', roles: ['operator'] });
  globex = clientFor({ tenant: 'globex', principal: 'bob', roles: ['admin'] });
  admin = clientFor({ tenant: 'acme', principal: 'root', roles: ['platform-admin'] });
  // The first start creates the embedded database: seconds, more on a loaded machine.
}, 120_000);

afterAll(async () => {
  if (controller.exitCode === null) {
    const exited = once(controller, 'exit');
    controller.kill('SIGKILL');
    await exited;
  }
  await rm(dataDir, { recursive: true, force: true });
});

describe('the manage API through the generated client', () => {
  let workloadId: string;

  it('starts on an ephemeral port', () => {
    expect(baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:(?!0$)\d+$/);
  });

  it('runs the README’s example as written, against this controller', async () => {
    const example = /```ts\n([\s\S]*?)```/.exec(await readFile(readme, 'utf8'))?.[1];
    expect(example).toContain("from '@alphaswarm/client'");
    const runnable = (example ?? '')
      .replace("'@alphaswarm/client'", JSON.stringify(entry))
      .replace("'http://127.0.0.1:4100'", JSON.stringify(baseUrl));
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
    expect(await acme.session()).toEqual({
      principal: { id: 'ada', tenantId: 'acme', roles: ['operator'] },
      permissions: ['session:read', 'workload:read', 'workload:create', 'workload:stop', 'workload:delete', 'control:read'],
      killSwitch: { engaged: false, reason: null, changedBy: null, changedAt: null },
      authenticatedBy: 'identity-headers',
      firstSeenAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
  });

  it('creates a workload', async () => {
    const created = await acme.createWorkload(feed);
    expect(created).toMatchObject({ tenantId: 'acme', name: 'feed', spec: feed.spec, state: 'running', provider: 'in-process' });
    workloadId = created.id;
  });

  it('lists and gets it', async () => {
    expect((await acme.listWorkloads()).map((workload) => workload.id)).toEqual([workloadId]);
    expect(await acme.getWorkload(workloadId)).toMatchObject({ id: workloadId, state: 'running' });
  });

  it('hides it from another tenant', async () => {
    expect(await globex.listWorkloads()).toEqual([]);
    await expect(globex.getWorkload(workloadId)).rejects.toMatchObject({ status: 404, code: 'ASW-203' });
    await expect(globex.stopWorkload(workloadId)).rejects.toMatchObject({ status: 404, code: 'ASW-203' });
  });

  it('stops it', async () => {
    expect(await acme.stopWorkload(workloadId)).toMatchObject({ id: workloadId, state: 'stopped' });
    expect(await acme.getWorkload(workloadId)).toMatchObject({ state: 'stopped' });
  });

  it.each([
    ['an invalid name and replica count', { name: 'Not An Id', spec: { image: 'feed:1', replicas: 0 } }, 'body.name'],
    ['zero replicas', { name: 'feed-2', spec: { image: 'feed:1', replicas: 0 } }, 'body.spec.replicas'],
    ['a missing spec', { name: 'feed-2' }, 'body.spec'],
    ['an unknown field', { ...feed, name: 'feed-2', owner: 'me' }, 'body.owner'],
  ])('answers a body with %s with 400 naming %s', async (_case, body, field) => {
    // Deliberately malformed input: the typed wrapper would not accept it, so it goes through the generated client as-is.
    const { error, response } = await acme.raw.POST('/manage/workloads', { body: body as CreateWorkloadRequest });
    expect(response.status).toBe(400);
    expect(error).toMatchObject({ code: 'ASW-200', field });
  });

  it('refuses creation once the kill switch is engaged, and stopped what ran', async () => {
    const second = await acme.createWorkload({ ...feed, name: 'feed-2' });
    await expect(acme.setKillSwitch({ engaged: true, reason: 'not an admin' })).rejects.toMatchObject({ status: 403, code: 'ASW-202' });
    await expect(globex.setKillSwitch({ engaged: true, reason: 'a tenant admin' })).rejects.toMatchObject({
      status: 403,
      message: expect.stringContaining('control:write is not allowed for admin'),
    });
    expect(await admin.setKillSwitch({ engaged: true, reason: 'market halt' })).toMatchObject({
      engaged: true,
      reason: 'market halt',
      changedBy: 'root',
    });

    const refused = acme.createWorkload({ ...feed, name: 'feed-3' });
    await expect(refused).rejects.toMatchObject({
      status: 423,
      code: 'ASW-205',
      message: expect.stringContaining('the kill switch is engaged (market halt)'),
    });
    await expect(globex.createWorkload(feed)).rejects.toMatchObject({ status: 423 });
    expect(await acme.getWorkload(second.id)).toMatchObject({ state: 'stopped' });
    expect((await acme.session()).killSwitch.engaged).toBe(true);
    expect((await acme.getWorkloadHistory(second.id)).items.map((event) => `${event.to} by ${event.changedBy ?? event.source}`)).toEqual([
      'pending by ada',
      'running by provider',
      'stopping by root',
      'stopped by provider',
    ]);
    const audit = await admin.getAuditLog({ limit: 1 });
    expect(audit.items).toMatchObject([{ action: 'kill-switch:engage', actor: { id: 'root', tenantId: 'acme' }, reason: 'market halt' }]);
    expect(audit.nextBefore).toBe(audit.items[0]?.id);
  });

  it('deletes a workload', async () => {
    await acme.deleteWorkload(workloadId);
    await expect(acme.getWorkload(workloadId)).rejects.toMatchObject({ status: 404 });
  });

  it('shuts down cleanly on SIGTERM', async () => {
    const exited = once(controller, 'exit');
    controller.kill('SIGTERM');
    expect(await exited).toEqual([0, null]);
    expect(output).toContain('alphaswarm controller: SIGTERM, shutting down');
  });
});

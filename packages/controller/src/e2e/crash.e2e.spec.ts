// The controller as an operator runs it: a separate process on loopback, killed with SIGKILL and
// started again on the same data directory. Slow (several controller starts), so it is an e2e spec.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, startController, type ControllerProcess } from '../__fixtures__/controller-process.js';
import { isProcessAlive } from '../providers/internal/process-table.js';

interface Workload {
  id: string;
  name: string;
  state: string;
  stateReason: string | null;
}

const operator = (tenant: string) => ({ tenant, roles: 'operator' });
const root = { tenant: 'ops', roles: 'platform-admin', principal: 'root' };
let dataDir: string;
let controller: ControllerProcess | undefined;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'controller-crash-'));
});
afterEach(async () => {
  await controller?.stop('SIGKILL');
  controller = undefined;
  await rm(dataDir, { recursive: true, force: true });
});

const list = async (url: string, tenant: string): Promise<Workload[]> =>
  ((await call(url, 'GET', '/manage/workloads', operator(tenant))).json as { items: Workload[] }).items;

/** Polls `check` until it holds or `attempts` run out (the caller then asserts what it last saw). */
async function eventually<T>(probe: () => Promise<T>, check: (value: T) => boolean, attempts = 400): Promise<T> {
  let value = await probe();
  for (let attempt = 0; attempt < attempts && !check(value); attempt++) {
    await sleep(50);
    value = await probe();
  }
  return value;
}

describe('a controller killed with SIGKILL', () => {
  it('keeps every create it answered 2xx, none twice, and the kill switch as it was', async () => {
    const args = ['--data-dir', dataDir, '--provider', 'in-process'];
    controller = await startController(args);
    const { url } = controller;
    await call(url, 'PUT', '/manage/control/kill-switch', root, { engaged: true, reason: 'drill' });
    const released = await call(url, 'PUT', '/manage/control/kill-switch', root, { engaged: false, reason: 'drill over' });
    expect(released.status).toBe(200);

    const total = 600;
    const concurrency = 8;
    const acked: Workload[] = [];
    const unexpected: number[] = [];
    let next = 0;
    const killAfter = 150;
    const victim = controller;
    const worker = async (): Promise<void> => {
      while (next < total) {
        const index = next++;
        const tenant = index % 2 === 0 ? 'acme' : 'globex';
        const body = { name: `load-${index}`, spec: { image: 'feed:1', replicas: 1 } };
        const response = await call(url, 'POST', '/manage/workloads', operator(tenant), body).catch(() => undefined);
        // No answer: the connection died with the controller, so the create promised nothing.
        if (response?.status === 201) acked.push(response.json as Workload);
        else if (response) unexpected.push(response.status);
        if (acked.length === killAfter) void victim.stop('SIGKILL');
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    await victim.stop('SIGKILL');
    expect(victim.child.signalCode).toBe('SIGKILL');
    expect(unexpected).toEqual([]);
    expect(acked.length).toBeGreaterThanOrEqual(killAfter);
    expect(acked.length).toBeLessThan(total);

    controller = await startController(args);
    const after = [...(await list(controller.url, 'acme')), ...(await list(controller.url, 'globex'))];
    const ids = after.map((workload) => workload.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(after.map((workload) => workload.name)).size).toBe(after.length);
    expect(ids).toEqual(expect.arrayContaining(acked.map((workload) => workload.id)));
    expect(after.length).toBeLessThanOrEqual(next);
    expect((await call(controller.url, 'GET', '/manage/control/kill-switch', operator('acme'))).json).toEqual(released.json);
  });

  it('is still engaged after a restart, with every workload there and reconciled', async () => {
    const args = ['--data-dir', dataDir, '--provider', 'local-process', '--reconcile-interval', '200', '--stop-grace', '1000'];
    controller = await startController(args);
    const sleeper = { image: 'local:sleeper', command: ['sleep', '300'], replicas: 1 };
    for (const name of ['halted', 'other']) {
      expect((await call(controller.url, 'POST', '/manage/workloads', operator('acme'), { name, spec: sleeper })).status).toBe(201);
    }
    const engaged = await call(controller.url, 'PUT', '/manage/control/kill-switch', root, { engaged: true, reason: 'market halt' });
    expect(engaged.json).toMatchObject({ engaged: true, reason: 'market halt', changedBy: 'root' });
    await controller.stop('SIGKILL');

    controller = await startController(args);
    expect((await call(controller.url, 'GET', '/manage/control/kill-switch', operator('acme'))).json).toEqual(engaged.json);
    expect((await list(controller.url, 'acme')).map((workload) => [workload.name, workload.state])).toEqual([
      ['halted', 'stopped'],
      ['other', 'stopped'],
    ]);
    const refused = await call(controller.url, 'POST', '/manage/workloads', operator('acme'), { name: 'new', spec: sleeper });
    expect(refused).toEqual({
      status: 423,
      json: { code: 'ASW-205', message: 'workload:create is refused: the kill switch is engaged (market halt)' },
    });
    const audit = (await call(controller.url, 'GET', '/manage/control/audit', { tenant: 'acme', roles: 'admin' })).json as {
      items: Array<{ action: string }>;
    };
    expect(audit.items[0]).toMatchObject({ action: 'kill-switch:engage', actor: { id: 'root', tenantId: 'ops' }, reason: 'market halt' });
  });

  it('finds the processes it started after a restart, fails the ones that died meanwhile, and notices a process killed by hand', async () => {
    const args = ['--data-dir', dataDir, '--provider', 'local-process', '--reconcile-interval', '200', '--stop-grace', '1000'];
    controller = await startController(args);
    const sleeper = { image: 'local:sleeper', command: ['sleep', '300'], replicas: 1 };
    for (const name of ['survivor', 'victim'])
      await call(controller.url, 'POST', '/manage/workloads', operator('acme'), { name, spec: sleeper });
    const pidOf = async (name: string): Promise<number> => {
      const [workload] = (await list(controller?.url ?? '', 'acme')).filter((candidate) => candidate.name === name);
      const record = JSON.parse(await readFile(join(dataDir, 'processes', 'acme', `${workload?.id}.json`), 'utf8')) as {
        replicas: Array<{ pid: number }>;
      };
      return record.replicas[0]?.pid ?? 0;
    };
    const [survivor, victim] = [await pidOf('survivor'), await pidOf('victim')];
    await controller.stop('SIGKILL');
    expect(isProcessAlive(survivor, null)).toBe(true);
    process.kill(victim, 'SIGKILL');

    controller = await startController(args);
    const states = Object.fromEntries(
      (await list(controller.url, 'acme')).map((workload) => [workload.name, [workload.state, workload.stateReason]]),
    );
    expect(states['survivor']).toEqual(['running', 'started by provider local-process']);
    expect(states['victim']).toEqual([
      'failed',
      `replica 0 (pid ${victim}) ended while the controller was not its parent (after a restart): exit code unknown`,
    ]);

    await call(controller.url, 'POST', '/manage/workloads', operator('acme'), { name: 'watched', spec: sleeper });
    const watched = await pidOf('watched');
    process.kill(watched, 'SIGTERM');
    const afterKill = await eventually(
      () => list(controller?.url ?? '', 'acme'),
      (workloads) => workloads.some((workload) => workload.name === 'watched' && workload.state === 'failed'),
    );
    expect(afterKill.find((workload) => workload.name === 'watched')).toMatchObject({
      state: 'failed',
      stateReason: `replica 0 (pid ${watched}) was killed by SIGTERM (exit code 143)`,
    });

    const [survivorWorkload] = afterKill.filter((workload) => workload.name === 'survivor');
    const stopped = await call(controller.url, 'POST', `/manage/workloads/${survivorWorkload?.id}/stop`, operator('acme'));
    expect(stopped.json).toMatchObject({ state: 'stopped' });
    expect(isProcessAlive(survivor, null)).toBe(false);
  });
});

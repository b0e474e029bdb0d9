import { parseId, type ProviderWorkload } from '@alphaswarm/core';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isProcessAlive } from './internal/process-table.js';
import { LocalProcessWorkloadProvider } from './local-process-workload-provider.js';

const ref = { tenantId: parseId('tenant', 'acme'), workloadId: parseId('workload', 'wl-1') };
const workload = (command: string[], replicas = 1, env?: Record<string, string>): ProviderWorkload => ({
  ...ref,
  name: 'feed',
  spec: { image: 'local:feed', command, replicas, ...(env ? { env } : {}) },
});

let stateDir: string;
let provider: LocalProcessWorkloadProvider;
const pidsOf = async (): Promise<number[]> =>
  (JSON.parse(await readFile(join(stateDir, 'acme', 'wl-1.json'), 'utf8')) as { replicas: Array<{ pid: number }> }).replicas.map(
    (replica) => replica.pid,
  );
/** Polls `status` until it leaves `running` (bounded: the test fails with the last state otherwise). */
const statusAfterChange = async (from = 'running') => {
  for (let attempt = 0; attempt < 200; attempt++) {
    const status = await provider.status(ref);
    if (status?.state !== from) return status;
    await sleep(25);
  }
  return provider.status(ref);
};

beforeEach(async () => {
  stateDir = await mkdtemp(join(tmpdir(), 'local-process-'));
  provider = new LocalProcessWorkloadProvider({ stateDir, stopGraceMs: 300 });
});
afterEach(async () => {
  await provider.remove(ref);
  await rm(stateDir, { recursive: true, force: true });
});

describe('LocalProcessWorkloadProvider', () => {
  it('runs each replica as a real process and ends them on stop', async () => {
    expect(await provider.start(workload(['sleep', '60'], 2))).toBe('running');
    const pids = await pidsOf();
    expect(pids).toHaveLength(2);
    expect(pids.map((pid) => isProcessAlive(pid, null))).toEqual([true, true]);
    expect(await provider.status(ref)).toEqual({ state: 'running' });
    expect(await provider.stop(ref)).toBe('stopped');
    expect(pids.map((pid) => isProcessAlive(pid, null))).toEqual([false, false]);
    expect(await provider.status(ref)).toEqual({ state: 'stopped' });
  });

  it('reports failed with the exit code when a replica exits, and stops the others', async () => {
    await provider.start(workload(['sh', '-c', 'if [ "$ALPHASWARM_REPLICA" = 1 ]; then exit 3; fi; exec sleep 60'], 2));
    const [first] = await pidsOf();
    const status = await statusAfterChange();
    expect(status?.state).toBe('failed');
    expect(status?.reason).toMatch(/^replica 1 \(pid \d+\) exited with code 3$/);
    for (let attempt = 0; attempt < 100 && first !== undefined && isProcessAlive(first, null); attempt++) await sleep(25);
    expect(first !== undefined && isProcessAlive(first, null)).toBe(false);
  });

  it('reports a replica killed by hand as failed with its signal and exit code', async () => {
    await provider.start(workload(['sleep', '60']));
    const [pid] = await pidsOf();
    process.kill(pid ?? 0, 'SIGKILL');
    expect(await statusAfterChange()).toEqual({ state: 'failed', reason: `replica 0 (pid ${pid}) was killed by SIGKILL (exit code 137)` });
  });

  it('sends SIGKILL after the grace period to a replica that ignores SIGTERM', async () => {
    await provider.start(workload(['sh', '-c', 'trap "" TERM; while :; do sleep 1; done']));
    const [pid] = await pidsOf();
    expect(await provider.stop(ref)).toBe('stopped');
    expect(isProcessAlive(pid ?? 0, null)).toBe(false);
  });

  it('gives replicas the workload env and its ids, and none of the controller’s secrets', async () => {
    process.env['DATABASE_URL'] = 'postgres://secret@db/x';
    try {
      await provider.start(
        workload(['sh', '-c', 'echo "venue=$VENUE workload=$ALPHASWARM_WORKLOAD_ID db=${DATABASE_URL:-none}"; exec sleep 60'], 1, {
          VENUE: 'xnys',
        }),
      );
    } finally {
      delete process.env['DATABASE_URL'];
    }
    const log = join(stateDir, 'acme', 'wl-1', 'replica-0.log');
    let text = '';
    for (let attempt = 0; attempt < 200 && !text.includes('\n'); attempt++) {
      text = await readFile(log, 'utf8').catch(() => '');
      if (!text.includes('\n')) await sleep(25);
    }
    expect(text).toBe('venue=xnys workload=wl-1 db=none\n');
  });

  it('finds its processes after a restart, and reaps those of workloads the controller no longer holds', async () => {
    await provider.start(workload(['sleep', '60']));
    const [pid] = await pidsOf();
    const restarted = new LocalProcessWorkloadProvider({ stateDir, stopGraceMs: 300 });
    expect(await restarted.status(ref)).toEqual({ state: 'running' });
    expect(await restarted.reapOrphans([ref])).toEqual([]);
    expect(await restarted.reapOrphans([])).toEqual([ref]);
    expect(isProcessAlive(pid ?? 0, null)).toBe(false);
    expect(await restarted.status(ref)).toBeUndefined();
  });

  it.each([
    [
      { image: 'ghcr.io/alphaswarm/feed:1', command: ['sleep', '1'], replicas: 1 },
      'local-process provider runs only images named "local:<name>"; "ghcr.io/alphaswarm/feed:1" is not one',
    ],
    [{ image: 'local:feed', replicas: 1 }, 'local-process provider needs spec.command: the program and its arguments to run'],
    [
      { image: 'local:feed', command: ['/no/such/program'], replicas: 1 },
      'local-process provider cannot run "/no/such/program": spawn /no/such/program ENOENT',
    ],
  ])('refuses %j', async (spec, message) => {
    await expect(provider.start({ ...ref, name: 'feed', spec })).rejects.toThrow(message);
  });
});

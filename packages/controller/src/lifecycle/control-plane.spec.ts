import { parseId, type Principal, type ProviderWorkloadStatus, type WorkloadProvider, type WorkloadState } from '@alphaswarm/core';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { emptyTestStore } from '../__fixtures__/test-server.js';
import { InProcessWorkloadProvider } from '../providers/in-process-workload-provider.js';
import { openStore } from '../store/open-store.js';
import { ControlPlane } from './control-plane.js';
import type { ControlPlaneLogger } from './control-plane-logger.js';

const ada: Principal = { id: parseId('principal', 'ada'), tenantId: parseId('tenant', 'acme'), roles: ['platform-admin'] };
const spec = { image: 'local:feed', command: ['feed'], replicas: 1 };

/** A provider whose reports the test sets per workload id. */
class ScriptedProvider implements WorkloadProvider {
  readonly name = 'scripted';
  readonly reports = new Map<string, ProviderWorkloadStatus | Error | undefined>();
  readonly stops: string[] = [];
  async start(): Promise<WorkloadState> {
    return 'running';
  }
  async stop(ref: { workloadId: string }): Promise<WorkloadState> {
    this.stops.push(ref.workloadId);
    return 'stopped';
  }
  async status(ref: { workloadId: string }): Promise<ProviderWorkloadStatus | undefined> {
    const report = this.reports.get(ref.workloadId);
    if (report instanceof Error) throw report;
    return report;
  }
  async remove(): Promise<void> {
    return undefined;
  }
}

/** A logger that keeps every record. */
const recordingLogger = () => {
  const records: Array<{ level: string; fields: object; message: string }> = [];
  const log: ControlPlaneLogger = {
    info: (fields, message) => records.push({ level: 'info', fields, message }),
    warn: (fields, message) => records.push({ level: 'warn', fields, message }),
    error: (fields, message) => records.push({ level: 'error', fields, message }),
  };
  return { log, records };
};

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('reconciliation', () => {
  it('records what the provider reports, logs provider errors with the workload id, and fails workloads it lost', async () => {
    let n = 0;
    const provider = new ScriptedProvider();
    const { log, records } = recordingLogger();
    const store = await emptyTestStore();
    const controlPlane = new ControlPlane({ store, provider, log, newId: () => `wl-${++n}` });
    for (const name of ['dies', 'flaky', 'lost', 'fine']) await controlPlane.createWorkload(ada, { name, spec });
    provider.reports.set('wl-1', { state: 'failed', reason: 'replica 0 (pid 7) exited with code 3' });
    provider.reports.set('wl-2', new Error('provider timed out'));
    provider.reports.set('wl-3', undefined);
    provider.reports.set('wl-4', { state: 'running' });

    expect(await controlPlane.reconcile()).toEqual({ checked: 4, changed: 2, errors: 1 });
    const states = (await controlPlane.listWorkloads(ada)).map((workload) => [workload.name, workload.state, workload.stateReason]);
    expect(states).toEqual([
      ['dies', 'failed', 'replica 0 (pid 7) exited with code 3'],
      ['flaky', 'running', 'started by provider scripted'],
      ['lost', 'failed', 'provider scripted does not know this workload any more (it lost it, e.g. across a controller restart)'],
      ['fine', 'running', 'started by provider scripted'],
    ]);
    expect(records.filter((record) => record.level === 'error')).toEqual([
      {
        level: 'error',
        fields: { workloadId: 'wl-1', tenantId: 'acme', reason: 'replica 0 (pid 7) exited with code 3' },
        message: 'workload failed',
      },
      {
        level: 'error',
        fields: { err: new Error('provider timed out'), workloadId: 'wl-2', tenantId: 'acme' },
        message: 'reconciliation failed for a workload',
      },
    ]);
    const [dies] = await Promise.all([controlPlane.findWorkload('wl-1')]);
    expect(dies && (await controlPlane.history(dies)).at(-1)).toMatchObject({
      from: 'running',
      to: 'failed',
      source: 'reconciliation',
      changedBy: null,
    });
  });

  it('refuses (and logs) a state the lifecycle does not allow, and resumes an interrupted stop', async () => {
    const provider = new ScriptedProvider();
    const { log, records } = recordingLogger();
    const store = await emptyTestStore();
    const controlPlane = new ControlPlane({ store, provider, log, newId: () => 'wl-1' });
    await controlPlane.createWorkload(ada, { name: 'feed', spec });
    provider.reports.set('wl-1', { state: 'pending' });
    expect(await controlPlane.reconcile()).toEqual({ checked: 1, changed: 0, errors: 0 });
    expect(records.at(-1)).toEqual({
      level: 'warn',
      fields: { workloadId: 'wl-1', from: 'running', to: 'pending', allowed: ['stopping', 'stopped', 'failed'] },
      message: 'provider reports a state the lifecycle does not allow; not recorded',
    });
    await store.transition('wl-1', {
      to: 'stopping',
      reason: 'stopped by ada',
      source: 'request',
      changedBy: 'ada',
      at: new Date().toISOString(),
    });
    provider.reports.set('wl-1', { state: 'running' });
    expect(await controlPlane.reconcile()).toEqual({ checked: 1, changed: 1, errors: 0 });
    expect(provider.stops).toEqual(['wl-1']);
    expect(await controlPlane.findWorkload('wl-1')).toMatchObject({ state: 'stopped', stateReason: 'stop resumed by reconciliation' });
  });
});

describe('durability', () => {
  it('keeps the kill switch, the workloads and their history across a restart on the same data directory', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'controller-durable-'));
    dirs.push(dataDir);
    const first = await openStore({ kind: 'pglite', dataDir });
    const before = await ControlPlane.open({ store: first, provider: new InProcessWorkloadProvider(), newId: () => 'wl-1' });
    await before.createWorkload(ada, { name: 'feed', spec });
    await before.setKillSwitch(true, 'market halt', ada);
    await first.close();

    const second = await openStore({ kind: 'pglite', dataDir });
    const after = await ControlPlane.open({ store: second, provider: new InProcessWorkloadProvider() });
    expect(after.lastKnownKillSwitch).toMatchObject({ engaged: true, reason: 'market halt', changedBy: 'ada' });
    const [feed] = await after.listWorkloads(ada);
    expect(feed).toMatchObject({ id: 'wl-1', state: 'stopped', stateReason: 'stopped by the kill switch (market halt)' });
    expect(feed && (await after.history(feed)).map((event) => event.to)).toEqual(['pending', 'running', 'stopping', 'stopped']);
    expect((await after.auditLog(ada, 10)).map((entry) => entry.action)).toEqual(['kill-switch:engage', 'workload:create']);
    await second.close();
  });
});

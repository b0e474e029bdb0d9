// The store against a real PostgreSQL server: the same migrations and queries as PGlite. Starts
// its own server (initdb + pg_ctl) in a temporary folder; skipped, saying so, without the binaries.
import { parseId, type Principal } from '@alphaswarm/core';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, startController } from '../__fixtures__/controller-process.js';
import { findPostgresBin, startPostgres, type PostgresServer } from '../__fixtures__/postgres-server.js';
import { ControlPlane } from '../lifecycle/control-plane.js';
import { InProcessWorkloadProvider } from '../providers/in-process-workload-provider.js';
import { openStore } from '../store/open-store.js';

const bin = findPostgresBin();
const title = bin
  ? `the store on a PostgreSQL server (${bin})`
  : 'the store on a PostgreSQL server — SKIPPED: initdb/pg_ctl not found (install Debian’s postgresql; .ci/run does)';
if (!bin) process.stderr.write(`controller e2e: ${title}\n`);

const root: Principal = { id: parseId('principal', 'root'), tenantId: parseId('tenant', 'ops'), roles: ['platform-admin'] };
const acme: Principal = { id: parseId('principal', 'ada'), tenantId: parseId('tenant', 'acme'), roles: ['operator'] };
const spec = { image: 'feed:1', replicas: 1 };

describe.skipIf(!bin)(title, () => {
  let server: PostgresServer;
  beforeAll(async () => {
    server = await startPostgres(bin ?? '');
  });
  afterAll(() => server?.stop());

  it('migrates, keeps state across reopening, and lets two controllers share it without duplicates', async () => {
    const first = await openStore({ kind: 'postgres', connectionString: server.url });
    let n = 0;
    // Two controllers over one provider backend, as two replicas of the controller would be.
    const provider = new InProcessWorkloadProvider();
    const a = await ControlPlane.open({ store: first, provider, newId: () => `a-${++n}` });
    const second = await openStore({ kind: 'postgres', connectionString: server.url });
    let m = 0;
    const b = await ControlPlane.open({ store: second, provider, newId: () => `b-${++m}` });

    const names = Array.from({ length: 20 }, (_, index) => `race-${index}`);
    const outcomes = await Promise.allSettled(
      names.flatMap((name) => [a.createWorkload(acme, { name, spec }), b.createWorkload(acme, { name, spec })]),
    );
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(20);
    expect(
      outcomes.filter((outcome) => outcome.status === 'rejected').map((outcome) => (outcome as PromiseRejectedResult).reason.status),
    ).toEqual(Array.from({ length: 20 }, () => 409));
    expect((await a.listWorkloads(acme)).map((workload) => workload.name).sort()).toEqual([...names].sort());

    await b.setKillSwitch(true, 'market halt', root);
    await expect(a.createWorkload(acme, { name: 'late', spec })).rejects.toMatchObject({ status: 423 });
    await first.close();
    await second.close();

    const reopened = await openStore({ kind: 'postgres', connectionString: server.url });
    expect(await reopened.readKillSwitch()).toMatchObject({ engaged: true, reason: 'market halt', changedBy: 'root' });
    expect((await reopened.listWorkloads('acme')).map((workload) => workload.state)).toEqual(Array.from({ length: 20 }, () => 'stopped'));
    expect((await reopened.auditLog('acme', 100)).filter((entry) => entry.action === 'kill-switch:engage')).toHaveLength(1);
    await reopened.close();
  });

  it('serves the API from DATABASE_URL', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'controller-pg-serve-'));
    const controller = await startController(['--data-dir', dataDir, '--provider', 'in-process'], {
      ...process.env,
      DATABASE_URL: server.url,
    });
    try {
      expect(controller.output()).toContain('state: PostgreSQL at 127.0.0.1:');
      const session = await call(controller.url, 'GET', '/manage/session', { tenant: 'acme', roles: 'viewer' });
      expect(session.json).toMatchObject({ killSwitch: { engaged: true, reason: 'market halt' } });
      const list = await call(controller.url, 'GET', '/manage/workloads', { tenant: 'acme', roles: 'viewer' });
      expect((list.json as { items: unknown[] }).items).toHaveLength(20);
    } finally {
      await controller.stop('SIGTERM');
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});

import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isLoopback, serve } from './serve.js';

let dataDir: string;
const base = () => ({ port: 0, host: '127.0.0.1', logLevel: 'silent' as const, dataDir, provider: 'in-process' as const });

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'controller-serve-'));
});
afterEach(() => rm(dataDir, { recursive: true, force: true }));

describe('serve', () => {
  it('listens on a free port, answers over real HTTP and closes', async () => {
    const controller = await serve(base());
    expect(controller.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(controller.url).not.toBe('http://127.0.0.1:0');
    expect(controller.store).toBe(`PGlite in ${join(dataDir, 'pglite')}`);
    const response = await fetch(`${controller.url}/manage/session`, {
      headers: { 'x-alphaswarm-tenant': 'acme', 'x-alphaswarm-principal': 'ada', 'x-alphaswarm-roles': 'viewer' },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      principal: { id: 'ada', tenantId: 'acme' },
      permissions: ['session:read', 'workload:read', 'control:read'],
    });
    await controller.close();
    await expect(fetch(`${controller.url}/manage/session`)).rejects.toThrow('fetch failed');
  });

  it('says which port is taken instead of failing with EADDRINUSE', async () => {
    const blocker = createServer().listen(0, '127.0.0.1');
    await once(blocker, 'listening');
    const address = blocker.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    try {
      await expect(serve({ ...base(), port })).rejects.toThrow(
        expect.objectContaining({
          code: 'ASW-218',
          message: `port ${port} on 127.0.0.1 is already in use: stop what listens there, or pass --port <another> (0 picks a free one)`,
        }),
      );
      const again = await serve(base());
      await again.close();
    } finally {
      blocker.close();
    }
  });

  it('refuses a data directory another controller uses', async () => {
    const first = await serve(base());
    try {
      await expect(serve(base())).rejects.toThrow(
        expect.objectContaining({
          code: 'ASW-219',
          message: expect.stringContaining(`--data-dir ${dataDir} is in use by the controller with pid ${process.pid}`),
        }),
      );
    } finally {
      await first.close();
    }
  });

  it('refuses to start off loopback without a key that verifies tokens', async () => {
    await expect(serve({ ...base(), host: '0.0.0.0' })).rejects.toThrow(
      expect.objectContaining({ code: 'ASW-217', message: expect.stringContaining('--host 0.0.0.0 is not a loopback address') }),
    );
  });

  it('names the database it cannot open', async () => {
    await expect(serve({ ...base(), databaseUrl: 'postgres://nobody:secret@127.0.0.1:1/controller' })).rejects.toThrow(
      expect.objectContaining({
        code: 'ASW-240',
        message: expect.stringMatching(/^PostgreSQL at 127\.0\.0\.1:1\/controller cannot be opened: .*ECONNREFUSED/),
      }),
    );
  });

  it.each([
    ['127.0.0.1', true],
    ['127.8.9.10', true],
    ['localhost', true],
    ['::1', true],
    ['0.0.0.0', false],
    ['10.0.0.5', false],
    ['::', false],
  ])('%s is loopback: %s', (host, loopback) => {
    expect(isLoopback(host)).toBe(loopback);
  });
});

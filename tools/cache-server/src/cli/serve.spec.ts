import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startUpload, waitUntil } from '../__fixtures__/http-client.js';
import { TokenRegistry } from '../auth/token-registry.js';
import { CacheServerError } from '../cache-server-error.js';
import { parseServeArgs } from './parse-serve-args.js';
import { serve } from './serve.js';

const WRITE = 'write-token-0123456789abcdef';
const tokens = TokenRegistry.fromSecrets([{ name: 'ci-default-branch', scope: 'read-write', token: WRITE }]);

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cache-server-serve-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

const args = (...extra: string[]) => parseServeArgs(['--port', '0', '--dir', join(dir, 'store'), '--log-level', 'silent', ...extra]);

describe('serve', () => {
  it('listens on a free loopback port, answers, and closes', async () => {
    const server = await serve(args(), { tokens });
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(server.url).not.toBe('http://127.0.0.1:0');
    const health = await fetch(`${server.url}/health`);
    expect(await health.json()).toEqual({ status: 'ok', entries: 0, bytes: 0 });
    await server.close();
    await expect(fetch(`${server.url}/health`)).rejects.toThrow('fetch failed');
  });

  it('reads the tokens from a file, or from CACHE_SERVER_TOKENS', async () => {
    const document = JSON.stringify({ tokens: [{ name: 'ci-default-branch', scope: 'read-write', token: WRITE }] });
    writeFileSync(join(dir, 'tokens.json'), document);
    const servers = [
      await serve(args('--dir', join(dir, 'from-file'), '--tokens', join(dir, 'tokens.json')), { env: {} }),
      await serve(args('--dir', join(dir, 'from-env')), { env: { CACHE_SERVER_TOKENS: document } }),
    ];
    for (const [index, server] of servers.entries()) {
      const response = await fetch(`${server.url}/v1/cache/${index}`, {
        method: 'PUT',
        body: 'x',
        headers: { authorization: `Bearer ${WRITE}` },
      });
      expect(response.status).toBe(200);
      await server.close();
    }
  });

  it('refuses to start without tokens (ASW-903) or over a folder it cannot use (ASW-905)', async () => {
    await expect(serve(args(), { env: {} })).rejects.toThrow(expect.objectContaining({ code: 'ASW-903' }));
    writeFileSync(join(dir, 'a-file'), '');
    await expect(serve(parseServeArgs(['--port', '0', '--dir', join(dir, 'a-file'), '--log-level', 'silent']), { tokens })).rejects.toThrow(
      expect.objectContaining({
        code: 'ASW-905',
        message: expect.stringContaining(`cannot use ${join(dir, 'a-file')} as the cache folder`),
      }),
    );
    await expect(serve(args(), { env: {} })).rejects.toBeInstanceOf(CacheServerError);
  });

  it('lets an upload in progress finish when it is stopped, and stores it', async () => {
    const server = await serve(args('--shutdown-grace', '60'), { tokens });
    const upload = await startUpload(server.url, '100', 2000, WRITE);
    upload.send(Buffer.alloc(1000, 1));
    await waitUntil(() => readdirSync(join(dir, 'store', 'tmp')).length === 1, 'the upload is being written');
    const closed = server.close();
    upload.send(Buffer.alloc(1000, 2));
    expect(await upload.status).toBe(200);
    await closed;
    expect(readFileSync(join(dir, 'store', 'entries', '100')).equals(Buffer.concat([Buffer.alloc(1000, 1), Buffer.alloc(1000, 2)]))).toBe(
      true,
    );
    expect(readdirSync(join(dir, 'store', 'tmp'))).toEqual([]);
  });

  it('discards an upload whole when the grace period runs out before it finishes', async () => {
    const server = await serve(args('--shutdown-grace', '0.05'), { tokens });
    const upload = await startUpload(server.url, '200', 2000, WRITE);
    upload.send(Buffer.alloc(1000, 1));
    await waitUntil(() => readdirSync(join(dir, 'store', 'tmp')).length === 1, 'the upload is being written');
    await server.close();
    await expect(upload.status).rejects.toThrow('connection closed before a status line');
    expect(existsSync(join(dir, 'store', 'entries', '200'))).toBe(false);
    expect(readdirSync(join(dir, 'store', 'tmp'))).toEqual([]);
  });
});

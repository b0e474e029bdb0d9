import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rawRequest, snapshotFolder, startUpload, waitUntil } from '../__fixtures__/http-client.js';
import { TokenRegistry } from '../auth/token-registry.js';
import { DirectoryStorage } from '../storage/directory-storage.js';
import { createCacheServer } from './create-cache-server.js';

const WRITE = 'write-token-0123456789abcdef';
const READ = 'read-token-0123456789abcdef';
const LIMIT = 1024;

let dir: string;
let url: string;
let storage: DirectoryStorage;
let logs: string[];
let app: ReturnType<typeof createCacheServer>;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cache-server-spec-'));
  storage = await DirectoryStorage.open({ dir });
  logs = [];
  app = createCacheServer({
    storage,
    tokens: TokenRegistry.fromSecrets([
      { name: 'ci-default-branch', scope: 'read-write', token: WRITE },
      { name: 'ci-pull-requests', scope: 'read', token: READ },
    ]),
    maxEntryBytes: LIMIT,
    logger: { level: 'info', stream: { write: (line: string) => logs.push(line) } },
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});

afterEach(async () => {
  await app.close();
  rmSync(dir, { recursive: true, force: true });
});

const bearer = (token: string): Record<string, string> => ({ authorization: `Bearer ${token}` });
const put = (hash: string, body: Buffer, headers: Record<string, string> = bearer(WRITE)) =>
  rawRequest(url, { method: 'PUT', path: `/v1/cache/${hash}`, headers: { 'content-type': 'application/octet-stream', ...headers }, body });
const get = (hash: string, headers: Record<string, string> = bearer(READ)) =>
  rawRequest(url, { method: 'GET', path: `/v1/cache/${hash}`, headers });
const entry = (hash: string): Buffer => readFileSync(join(dir, 'entries', hash));
const logged = (): Record<string, unknown>[] => logs.map((line) => JSON.parse(line) as Record<string, unknown>);

describe('the cache API with the Nx client protocol', () => {
  it('stores a PUT with the write token (200) and serves it back to a read token (200, octet-stream)', async () => {
    const body = Buffer.from('a gzipped tar, as far as the server cares');
    const stored = await put('9187428373914410539', body);
    expect(stored.status).toBe(200);
    const read = await get('9187428373914410539');
    expect(read.status).toBe(200);
    expect(read.headers['content-type']).toBe('application/octet-stream');
    expect(read.headers['content-length']).toBe(String(body.length));
    expect(read.body.equals(body)).toBe(true);
    expect(entry('9187428373914410539').equals(body)).toBe(true);
  });

  it('answers a miss with 404', async () => {
    const miss = await get('1234');
    expect(miss.status).toBe(404);
    expect(miss.body.toString()).toBe('no entry for 1234\n');
  });

  it.each([
    ['no Authorization header', {}],
    ['an unknown token', bearer('not-a-known-token-at-all')],
    ['a known token with a character more', bearer(`${READ}x`)],
    ['another scheme', { authorization: `Basic ${READ}` }],
    ['a scheme without a token', { authorization: 'Bearer' }],
  ])('answers %s with 401 text/plain (exactly, as Nx requires) on GET and PUT', async (_, headers: Record<string, string>) => {
    for (const response of [await get('1234', headers), await put('1234', Buffer.from('x'), headers)]) {
      expect(response.status).toBe(401);
      expect(response.headers['content-type']).toBe('text/plain');
      expect(response.body.toString()).toContain('Missing or invalid cache token');
    }
  });

  it('accepts the scheme in any case', async () => {
    expect((await put('77', Buffer.from('x'), { authorization: `bearer ${WRITE}` })).status).toBe(200);
    expect((await get('77', { authorization: `BEARER ${READ}` })).status).toBe(200);
  });

  it('answers a second PUT of a hash with 409 and keeps the first bytes', async () => {
    expect((await put('42', Buffer.from('first'))).status).toBe(200);
    const second = await put('42', Buffer.from('second, from somewhere else'));
    expect(second.status).toBe(409);
    expect(second.body.toString()).toBe('an entry for 42 exists; entries are write-once\n');
    expect(entry('42').toString()).toBe('first');
    expect((await get('42')).body.toString()).toBe('first');
  });

  it('serves /health without a token', async () => {
    await put('1', Buffer.from('12345'));
    const health = await rawRequest(url, { method: 'GET', path: '/health' });
    expect(health.status).toBe(200);
    expect(JSON.parse(health.body.toString())).toEqual({ status: 'ok', entries: 1, bytes: 5 });
  });

  it('answers other routes with 404 text/plain', async () => {
    const other = await rawRequest(url, { method: 'DELETE', path: '/v1/cache/1', headers: bearer(WRITE) });
    expect(other.status).toBe(404);
    expect(other.body.toString()).toBe('DELETE /v1/cache/1 is not a cache server route: use GET or PUT /v1/cache/<hash>\n');
  });
});

describe('requests that must not change what the server stores', () => {
  const existing = Buffer.from('the artifact the default branch stored');
  beforeEach(async () => {
    expect((await put('1000', existing)).status).toBe(200);
  });

  it.each([
    ['a read token, new hash', 'PUT', '/v1/cache/2000', 403, bearer(READ), Buffer.from('poison')],
    ['a read token, existing hash', 'PUT', '/v1/cache/1000', 403, bearer(READ), Buffer.from('poison')],
    ['a wrong token, new hash', 'PUT', '/v1/cache/2000', 401, bearer('a-wrong-token-0123456789'), Buffer.from('poison')],
    ['a wrong token, existing hash', 'PUT', '/v1/cache/1000', 401, bearer('a-wrong-token-0123456789'), Buffer.from('poison')],
    ['no token', 'PUT', '/v1/cache/2000', 401, {}, Buffer.from('poison')],
    ['the write token, existing hash', 'PUT', '/v1/cache/1000', 409, bearer(WRITE), Buffer.from('poison')],
    ['a malformed hash: ..', 'PUT', '/v1/cache/..', 400, bearer(WRITE), Buffer.from('poison')],
    ['a malformed hash: encoded ..', 'PUT', '/v1/cache/%2E%2E', 400, bearer(WRITE), Buffer.from('poison')],
    ['a malformed hash: encoded traversal', 'PUT', '/v1/cache/..%2F..%2Fentries%2F1000', 400, bearer(WRITE), Buffer.from('poison')],
    ['a malformed hash: hidden file', 'PUT', '/v1/cache/.hidden', 400, bearer(WRITE), Buffer.from('poison')],
    ['a malformed hash: a dot', 'PUT', '/v1/cache/1000.tmp', 400, bearer(WRITE), Buffer.from('poison')],
    ['a malformed hash: NUL', 'PUT', '/v1/cache/1000%00', 400, bearer(WRITE), Buffer.from('poison')],
    ['a malformed hash: too long', 'PUT', `/v1/cache/${'1'.repeat(129)}`, 400, bearer(WRITE), Buffer.from('poison')],
    ['an oversized body', 'PUT', '/v1/cache/2000', 413, bearer(WRITE), Buffer.alloc(LIMIT + 1, 1)],
    ['an oversized body from a read token', 'PUT', '/v1/cache/2000', 413, bearer(READ), Buffer.alloc(LIMIT + 1, 1)],
    ['a malformed hash on GET', 'GET', '/v1/cache/..%2Fentries%2F1000', 400, bearer(READ), undefined],
  ])('%s: %s %s -> %i, storage unchanged', async (_, method, path, status, headers: Record<string, string>, body) => {
    const before = snapshotFolder(dir);
    const response = await rawRequest(url, { method, path, headers, ...(body ? { body } : {}) });
    expect(response.status).toBe(status);
    expect(response.headers['content-type']).toBe('text/plain');
    await storage.close();
    expect(snapshotFolder(dir)).toEqual(before);
    expect(entry('1000').equals(existing)).toBe(true);
  });

  it('a chunked PUT (no Content-Length) gets 411 and stores nothing', async () => {
    const before = snapshotFolder(dir);
    const response = await rawRequest(url, {
      method: 'PUT',
      path: '/v1/cache/3000',
      headers: bearer(WRITE),
      body: Buffer.from('chunked'),
      chunked: true,
    });
    expect(response.status).toBe(411);
    expect(snapshotFolder(dir)).toEqual(before);
  });

  it('an oversized declared length gets 413 before any of the body is read, and the connection is closed', async () => {
    const upload = await startUpload(url, '3000', LIMIT * 1024, WRITE);
    upload.send(Buffer.alloc(10));
    expect(await upload.status).toBe(413);
    expect(readdirSync(join(dir, 'tmp'))).toEqual([]);
    expect(readdirSync(join(dir, 'entries'))).toEqual(['1000']);
  });

  it('an interrupted upload leaves no entry, and the hash can be uploaded whole afterwards', async () => {
    const upload = await startUpload(url, '4000', 600, WRITE);
    upload.send(Buffer.alloc(300, 7));
    await waitUntil(() => readdirSync(join(dir, 'tmp')).length === 1, 'the upload is being written');
    upload.abort();
    await waitUntil(() => readdirSync(join(dir, 'tmp')).length === 0, 'the partial upload is discarded');
    await storage.close();
    expect(readdirSync(join(dir, 'entries'))).toEqual(['1000']);
    expect((await get('4000')).status).toBe(404);
    expect((await put('4000', Buffer.alloc(600, 8))).status).toBe(200);
    expect(entry('4000').equals(Buffer.alloc(600, 8))).toBe(true);
    expect(logged().find((line) => line.outcome === 'incomplete')).toMatchObject({
      hash: '4000',
      bytes: 600,
      received: 300,
      token: 'ci-default-branch',
    });
  });

  it('concurrent PUTs of one hash: exactly one is stored, every other gets 409', async () => {
    const bodies = [1, 2, 3, 4, 5].map((fill) => Buffer.alloc(800, fill));
    const uploads = await Promise.all(bodies.map(() => startUpload(url, '5000', 800, WRITE)));
    uploads.forEach((upload, index) => upload.send(bodies[index]?.subarray(0, 400) ?? Buffer.alloc(0)));
    await waitUntil(() => readdirSync(join(dir, 'tmp')).length === uploads.length, 'every upload is being written');
    uploads.forEach((upload, index) => upload.send(bodies[index]?.subarray(400) ?? Buffer.alloc(0)));
    const statuses = await Promise.all(uploads.map((upload) => upload.status));
    expect([...statuses].sort()).toEqual([200, 409, 409, 409, 409]);
    const winner = bodies[statuses.indexOf(200)];
    expect(winner && entry('5000').equals(winner)).toBe(true);
    expect(readdirSync(join(dir, 'tmp'))).toEqual([]);
  });
});

describe('logs', () => {
  it('log every write attempt with the token name and never a token', async () => {
    await put('10', Buffer.from('x'));
    await put('10', Buffer.from('y'));
    await put('11', Buffer.from('x'), bearer(READ));
    await put('12', Buffer.from('x'), bearer(`${WRITE}-guess`));
    expect(
      logged()
        .filter((line) => 'outcome' in line)
        .map(({ hash, token, outcome, msg }) => ({ hash, token, outcome, msg })),
    ).toEqual([
      { hash: '10', token: 'ci-default-branch', outcome: 'stored', msg: 'cache write' },
      { hash: '10', token: 'ci-default-branch', outcome: 'exists', msg: 'cache write refused' },
      { hash: '11', token: 'ci-pull-requests', outcome: 'read-only', msg: 'cache write refused' },
      { hash: '12', token: undefined, outcome: 'unauthorized', msg: 'cache request without a valid token' },
    ]);
    expect(logs.join('')).not.toContain(WRITE);
    expect(logs.join('')).not.toContain(READ);
  });
});

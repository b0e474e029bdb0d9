import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TokenRegistry } from '../auth/token-registry.js';
import { createCacheServer } from '../server/create-cache-server.js';
import { DirectoryStorage } from '../storage/directory-storage.js';
import { cloneFixture, createFixtureRepository, FIXTURE_TASKS, runNx, type NxRun } from './fixture-workspace.js';

const WRITE_TOKEN = 'e2e-write-token-0123456789';
const READ_TOKEN = 'e2e-read-token-0123456789';

interface Seen {
  readonly method: string;
  readonly url: string;
  readonly status: number;
  readonly contentType: string | undefined;
  readonly contentLength: string | undefined;
  readonly transferEncoding: string | undefined;
}

let root: string;
let url: string;
let app: ReturnType<typeof createCacheServer>;
const seen: Seen[] = [];
const logLines: string[] = [];

/** Every stored entry, by hash, with the SHA-256 of its bytes. */
const storedEntries = (): Record<string, string> =>
  Object.fromEntries(
    readdirSync(join(root, 'store', 'entries'))
      .sort()
      .map((hash) => [
        hash,
        createHash('sha256')
          .update(readFileSync(join(root, 'store', 'entries', hash)))
          .digest('hex'),
      ]),
  );

const runLog = (name: string): string[] =>
  existsSync(join(root, `${name}.log`))
    ? readFileSync(join(root, `${name}.log`), 'utf8')
        .trim()
        .split('\n')
        .filter(Boolean)
        .sort()
    : [];

const runAll = (clone: string, env: Record<string, string>): Promise<NxRun> =>
  runNx(join(root, clone), join(root, `${clone}-home`), ['run-many', '-t', 'build', 'test', '--outputStyle=static'], {
    FIXTURE_RUN_LOG: join(root, `${clone}.log`),
    ...env,
  });

const withServer = (token: string): Record<string, string> => ({
  NX_SELF_HOSTED_REMOTE_CACHE_SERVER: url,
  NX_SELF_HOSTED_REMOTE_CACHE_ACCESS_TOKEN: token,
});

/** The tasks Nx says it restored from the remote cache, e.g. `a:build`. */
const remoteHits = (run: NxRun): string[] =>
  [...run.output.matchAll(/nx run (\S+)\s+\[remote cache\]/g)].map((match) => match[1] ?? '').sort();

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'cache-server-e2e-'));
  createFixtureRepository(join(root, 'origin'));
  const storage = await DirectoryStorage.open({ dir: join(root, 'store') });
  app = createCacheServer({
    storage,
    tokens: TokenRegistry.fromSecrets([
      { name: 'ci-default-branch', scope: 'read-write', token: WRITE_TOKEN },
      { name: 'ci-pull-requests', scope: 'read', token: READ_TOKEN },
    ]),
    maxEntryBytes: 64 * 1024 * 1024,
    logger: { level: 'info', stream: { write: (line: string) => logLines.push(line) } },
  });
  // Recorded when the reply is handed over (onSend), not when the socket finishes (onResponse): a
  // client that closes its connection as soon as it has read a 404 can make Node skip 'finish', and
  // the request would then go missing from the record although the server answered it.
  app.addHook('onSend', async (request, reply, payload) => {
    seen.push({
      method: request.method,
      url: request.url,
      status: reply.statusCode,
      contentType: request.headers['content-type'],
      contentLength: request.headers['content-length'],
      transferEncoding: request.headers['transfer-encoding'],
    });
    return payload;
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});

afterAll(async () => {
  await app?.close();
  if (root) rmSync(root, { recursive: true, force: true });
});

describe('the installed Nx client against the cache server, in two clean clones', () => {
  it('first clone, write token: runs every task and stores each one on the server', async () => {
    cloneFixture(join(root, 'origin'), join(root, 'writer'));
    expect(existsSync(join(root, 'writer', '.nx'))).toBe(false);
    const run = await runAll('writer', withServer(WRITE_TOKEN));
    expect(run.status).toBe(0);
    expect(runLog('writer')).toEqual([...FIXTURE_TASKS].sort());
    expect(remoteHits(run)).toEqual([]);
    expect(Object.keys(storedEntries())).toHaveLength(FIXTURE_TASKS.length);
    const puts = seen.filter((request) => request.method === 'PUT');
    expect(puts.map((request) => request.status)).toEqual(FIXTURE_TASKS.map(() => 200));
    // How the client uploads: an octet-stream body with its Content-Length, never chunked; a gzipped tar.
    for (const put of puts) {
      expect(put).toMatchObject({ contentType: 'application/octet-stream', transferEncoding: undefined });
      expect(Number(put.contentLength)).toBe(readFileSync(join(root, 'store', 'entries', put.url.split('/').pop() ?? '')).length);
    }
    for (const hash of Object.keys(storedEntries()))
      expect([...readFileSync(join(root, 'store', 'entries', hash)).subarray(0, 2)]).toEqual([0x1f, 0x8b]);
    // Every lookup the client made missed, and none was repeated. Not one lookup per task: Nx 23.2's
    // client does not always look every task up (CI on a fast machine saw five GETs for six tasks,
    // all six stored); how many lookups it makes is the client's choice, not the server's behaviour.
    const gets = seen.filter((request) => request.method === 'GET');
    const asked = gets.map((request) => request.url.split('/').pop() ?? '');
    expect(
      gets.map((request) => request.status),
      `each lookup a miss; Nx printed:\n${run.output}`,
    ).toEqual(gets.map(() => 404));
    expect(gets.length).toBeGreaterThan(0);
    expect(new Set(asked).size).toBe(asked.length);
    expect(asked.filter((hash) => !(hash in storedEntries()))).toEqual([]);
  });

  it('second clone, read token: restores every task from the server and runs none', async () => {
    cloneFixture(join(root, 'origin'), join(root, 'reader'));
    expect(existsSync(join(root, 'reader', '.nx'))).toBe(false);
    const before = storedEntries();
    const requestsBefore = seen.length;
    const run = await runAll('reader', withServer(READ_TOKEN));
    expect(run.status).toBe(0);
    expect(remoteHits(run)).toEqual([...FIXTURE_TASKS].sort());
    const hits = seen.slice(requestsBefore).filter((request) => request.method === 'GET' && request.status === 200);
    expect(hits.map((request) => request.url.split('/').pop()).sort()).toEqual(Object.keys(before));
    expect(run.output).toContain(
      `Nx read the output from the cache instead of running the command for ${FIXTURE_TASKS.length} out of ${FIXTURE_TASKS.length} tasks`,
    );
    expect(runLog('reader')).toEqual([]);
    for (const project of ['a', 'b', 'c'])
      expect(readFileSync(join(root, 'reader', 'dist', project, 'out.txt'), 'utf8')).toBe(
        `built ${project} from "the value of ${project}"\n`,
      );
    expect(storedEntries()).toEqual(before);
  });

  it('second clone, read token, changed source: the changed tasks run, their uploads get 403, Nx carries on, nothing is stored', async () => {
    const before = storedEntries();
    const putsBefore = seen.filter((request) => request.method === 'PUT').length;
    writeFileSync(join(root, 'reader', 'libs', 'c', 'src', 'value.txt'), 'a value from a pull request\n');
    const run = await runAll('reader', withServer(READ_TOKEN));
    expect(run.status).toBe(0);
    expect(runLog('reader')).toEqual(['c:build', 'c:test']);
    expect(
      seen
        .filter((request) => request.method === 'PUT')
        .slice(putsBefore)
        .map((request) => request.status),
    ).toEqual([403, 403]);
    expect(storedEntries()).toEqual(before);
    const refusals = logLines.map((line) => JSON.parse(line) as Record<string, unknown>).filter((line) => line.outcome === 'read-only');
    expect(refusals.map(({ token, scope }) => ({ token, scope }))).toEqual([
      { token: 'ci-pull-requests', scope: 'read' },
      { token: 'ci-pull-requests', scope: 'read' },
    ]);
    expect(logLines.join('')).not.toContain(READ_TOKEN);
    expect(logLines.join('')).not.toContain(WRITE_TOKEN);
  });

  it("a clone with a wrong token: Nx stops and shows the server's 401 message", async () => {
    cloneFixture(join(root, 'origin'), join(root, 'stranger'));
    const before = storedEntries();
    const run = await runAll('stranger', withServer('not-a-token-of-this-server'));
    expect(run.status).not.toBe(0);
    expect(run.output).toContain('Missing or invalid cache token');
    expect(storedEntries()).toEqual(before);
  });

  it('a clone with no server configured: every task runs locally and the server sees no request', async () => {
    cloneFixture(join(root, 'origin'), join(root, 'offline'));
    const requestsBefore = seen.length;
    const run = await runAll('offline', {});
    expect(run.status).toBe(0);
    expect(runLog('offline')).toEqual([...FIXTURE_TASKS].sort());
    expect(remoteHits(run)).toEqual([]);
    expect(seen.length).toBe(requestsBefore);
  });
});

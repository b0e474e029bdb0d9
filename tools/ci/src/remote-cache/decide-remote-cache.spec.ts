import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { createCacheServer, DirectoryStorage, parseTokens, TokenRegistry } from '@alphaswarm/cache-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decideRemoteCache } from './decide-remote-cache.js';

const READ = 'read-token-0123456789abcdef';
let dir: string;
let app: ReturnType<typeof createCacheServer>;
let url: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'asw-remote-cache-'));
  const tokens = parseTokens(JSON.stringify({ tokens: [{ name: 'pull-requests', scope: 'read', token: READ }] }), 'test tokens');
  app = createCacheServer({
    storage: await DirectoryStorage.open({ dir: join(dir, 'store') }),
    tokens,
    maxEntryBytes: 1024,
    logger: false,
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await app.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('decideRemoteCache against the real cache server', () => {
  it('turns the cache on when the server answers and accepts the token, and exports what Nx reads', async () => {
    expect(await decideRemoteCache({ NX_CACHE_SERVER_URL: `${url}/`, NX_CACHE_TOKEN: READ })).toEqual({
      enabled: true,
      message: `remote cache on: ${url}`,
      warning: false,
      scope: undefined,
      env: { NX_SELF_HOSTED_REMOTE_CACHE_SERVER: url, NX_SELF_HOSTED_REMOTE_CACHE_ACCESS_TOKEN: READ },
    });
  });

  it('names the scope the trigger gets (cacheScopeFor), from the GitHub event', async () => {
    const event = join(dir, 'event.json');
    writeFileSync(event, JSON.stringify({ repository: { default_branch: 'main' } }));
    const github = { NX_CACHE_SERVER_URL: url, NX_CACHE_TOKEN: READ, GITHUB_EVENT_PATH: event };
    const pr = await decideRemoteCache({ ...github, GITHUB_EVENT_NAME: 'pull_request', GITHUB_REF: 'refs/pull/7/merge' });
    expect([pr.scope, pr.message]).toEqual(['read', `remote cache on: ${url} with a read token (pull_request on refs/pull/7/merge)`]);
    const push = await decideRemoteCache({ ...github, GITHUB_EVENT_NAME: 'push', GITHUB_REF: 'refs/heads/main' });
    expect(push.scope).toBe('read-write');
  });

  it.each([
    [
      'no server configured',
      {},
      false,
      'remote cache off: NX_CACHE_SERVER_URL is not set (the remote cache is opt-in); Nx uses its local cache',
    ],
    [
      'no token (a fork: no secrets)',
      { NX_CACHE_TOKEN: '' },
      false,
      'remote cache off: this job has no token (NX_CACHE_TOKEN is empty — a pull request from a fork gets no secrets); Nx uses its local cache',
    ],
    [
      'a wrong token',
      { NX_CACHE_TOKEN: 'wrong-token-0123456789abcdef' },
      true,
      "remote cache off: <server> refused this job's token (401); check the NX_CACHE_READ_TOKEN / NX_CACHE_WRITE_TOKEN secrets",
    ],
  ])('%s: off, and Nx gets no variable', async (_name, extra, warning, message) => {
    const env = { NX_CACHE_SERVER_URL: Object.keys(extra).length === 0 ? undefined : url, ...extra };
    const decision = await decideRemoteCache(env);
    expect(decision).toEqual({ enabled: false, message: message.replace('<server>', url), warning, scope: undefined, env: {} });
  });

  it('a server that cannot be reached: off with a warning', async () => {
    const closed = createCacheServer({
      storage: await DirectoryStorage.open({ dir: join(dir, 'other') }),
      tokens: new TokenRegistry([]),
      maxEntryBytes: 1,
      logger: false,
    });
    await closed.listen({ host: '127.0.0.1', port: 0 });
    const gone = `http://127.0.0.1:${(closed.server.address() as AddressInfo).port}`;
    await closed.close();
    const decision = await decideRemoteCache({ NX_CACHE_SERVER_URL: gone, NX_CACHE_TOKEN: READ });
    expect([decision.enabled, decision.warning, decision.env]).toEqual([false, true, {}]);
    expect(decision.message).toMatch(new RegExp(`^remote cache off: ${gone} cannot be reached \\(.+\\); Nx uses its local cache$`));
  });
});

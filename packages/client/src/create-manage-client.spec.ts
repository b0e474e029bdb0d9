import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { createManageClient } from './create-manage-client.js';
import { ManageApiConnectionError } from './manage-api-connection-error.js';
import { ManageApiRequestError } from './manage-api-request-error.js';

const identity = { tenant: 'acme', principal: 'ada', roles: ['viewer', 'operator'] } as const;
const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** A client whose fetch records each request and answers with `answer`. */
const clientAnswering = (answer: (request: Request) => Response) => {
  const seen: Request[] = [];
  const client = createManageClient({
    baseUrl: 'http://controller.test',
    identity,
    retry: { retries: 0, delayMs: 0 },
    fetch: async (request) => {
      seen.push(request);
      return answer(request);
    },
  });
  return { client, seen };
};

describe('createManageClient', () => {
  it('sends the identity headers and returns the typed body', async () => {
    const { client, seen } = clientAnswering(() => json(200, { items: [] }));
    expect(await client.listWorkloads()).toEqual([]);
    const [request] = seen;
    expect(request?.url).toBe('http://controller.test/manage/workloads');
    expect(Object.fromEntries([...(request?.headers ?? [])].filter(([name]) => name.startsWith('x-alphaswarm-')))).toEqual({
      'x-alphaswarm-principal': 'ada',
      'x-alphaswarm-roles': 'viewer,operator',
      'x-alphaswarm-tenant': 'acme',
    });
  });

  it('fills path parameters', async () => {
    const { client, seen } = clientAnswering(() => new Response(null, { status: 204 }));
    await client.deleteWorkload('wl-7');
    expect(`${seen[0]?.method} ${seen[0]?.url}`).toBe('DELETE http://controller.test/manage/workloads/wl-7');
  });

  it('reports the API’s refusal as a typed error, as the API worded it', async () => {
    const body = { code: 'ASW-205', message: 'workload:create is refused: the kill switch is engaged (drill)' } as const;
    const { client } = clientAnswering(() => json(423, body));
    const failure = client.createWorkload({ name: 'feed', spec: { image: 'feed:1', replicas: 1 } });
    await expect(failure).rejects.toThrow(new ManageApiRequestError(423, body, 'POST /manage/workloads'));
    await expect(failure).rejects.toMatchObject({ status: 423, code: 'ASW-205', field: undefined });
  });

  it('exposes the field an invalid request names', async () => {
    const body = {
      code: 'ASW-200',
      message: 'body.spec.replicas: too small',
      field: 'body.spec.replicas',
      issues: [{ field: 'body.spec.replicas', message: 'too small' }],
    };
    const { client } = clientAnswering(() => json(400, body));
    await expect(client.createWorkload({ name: 'feed', spec: { image: 'feed:1', replicas: 0 } })).rejects.toMatchObject({
      status: 400,
      code: 'ASW-200',
      field: 'body.spec.replicas',
    });
  });

  it('reports an error status without a body as ASW-299', async () => {
    const { client } = clientAnswering(() => new Response('', { status: 502 }));
    await expect(client.session()).rejects.toThrow('GET /manage/session failed with 502 ASW-299: unexpected 502 without an error body');
  });

  it('names the URL and the cause when nothing listens, instead of fetch’s bare TypeError', async () => {
    const port = await closedPort();
    const client = createManageClient({ baseUrl: `http://127.0.0.1:${port}`, identity, retry: { retries: 1, delayMs: 1 } });
    const failure = client.listWorkloads();
    await expect(failure).rejects.toBeInstanceOf(ManageApiConnectionError);
    await expect(failure).rejects.toMatchObject({
      name: 'ManageApiConnectionError',
      method: 'GET',
      url: `http://127.0.0.1:${port}/manage/workloads`,
      message: `GET http://127.0.0.1:${port}/manage/workloads got no answer: connect ECONNREFUSED 127.0.0.1:${port}. Is the controller running at http://127.0.0.1:${port}?`,
      cause: expect.objectContaining({ name: 'TypeError', message: 'fetch failed' }),
    });
  });

  it.each([
    [
      'the innermost message',
      new TypeError('fetch failed', { cause: new Error('getaddrinfo ENOTFOUND controller.test') }),
      'getaddrinfo ENOTFOUND controller.test',
    ],
    [
      'the code of an error without a message',
      new TypeError('fetch failed', { cause: Object.assign(new AggregateError([], ''), { code: 'ECONNREFUSED' }) }),
      'ECONNREFUSED',
    ],
    ['a browser’s only message', new TypeError('Failed to fetch'), 'Failed to fetch'],
  ])('describes a network failure by %s', async (_case, thrown, words) => {
    const client = createManageClient({
      baseUrl: 'http://controller.test',
      identity,
      retry: { retries: 0, delayMs: 0 },
      fetch: async () => {
        throw thrown;
      },
    });
    await expect(client.createWorkload({ name: 'feed', spec: { image: 'feed:1', replicas: 1 } })).rejects.toThrow(
      new ManageApiConnectionError('POST', 'http://controller.test/manage/workloads', thrown),
    );
    await expect(client.session()).rejects.toThrow(
      `GET http://controller.test/manage/session got no answer: ${words}. Is the controller running at http://controller.test?`,
    );
  });

  it('lets an error that is not a network failure through unchanged', async () => {
    const aborted = new DOMException('The operation was aborted.', 'AbortError');
    const client = createManageClient({
      baseUrl: 'http://controller.test',
      identity,
      retry: { retries: 0, delayMs: 0 },
      fetch: async () => {
        throw aborted;
      },
    });
    await expect(client.session()).rejects.toBe(aborted);
  });
});

/** A loopback port nothing listens on: bound once to get a free number, then closed. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

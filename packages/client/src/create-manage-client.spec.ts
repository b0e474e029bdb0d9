import { describe, expect, it } from 'vitest';
import { createManageClient } from './create-manage-client.js';
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
});

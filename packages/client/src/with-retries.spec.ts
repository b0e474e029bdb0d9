import { describe, expect, it } from 'vitest';
import { withRetries } from './with-retries.js';

/** A fetch that answers with `outcomes` in turn (a status, or an error to throw) and records each method. */
const scripted = (outcomes: (number | Error)[]) => {
  const calls: string[] = [];
  const fetch = async (request: Request): Promise<Response> => {
    calls.push(request.method);
    const outcome = outcomes.shift();
    if (outcome === undefined) throw new Error('no more scripted outcomes');
    if (outcome instanceof Error) throw outcome;
    return new Response(null, { status: outcome });
  };
  return { calls, fetch };
};
const request = (method: string) =>
  new Request('http://controller.test/manage/workloads', { method, ...(method === 'PUT' || method === 'POST' ? { body: '{}' } : {}) });

describe('withRetries', () => {
  it('retries an idempotent request after network errors and transient statuses', async () => {
    const { calls, fetch } = scripted([new TypeError('fetch failed'), 503, 200]);
    const response = await withRetries(fetch, { retries: 2, delayMs: 1 })(request('GET'));
    expect(response.status).toBe(200);
    expect(calls).toEqual(['GET', 'GET', 'GET']);
  });

  it('resends the body of a retried PUT', async () => {
    const bodies: string[] = [];
    const statuses = [502, 200];
    const fetch = async (sent: Request) => {
      bodies.push(await sent.text());
      return new Response(null, { status: statuses.shift() ?? 500 });
    };
    await withRetries(fetch, { retries: 1, delayMs: 1 })(request('PUT'));
    expect(bodies).toEqual(['{}', '{}']);
  });

  it('gives up after the last retry and returns what it got', async () => {
    const { calls, fetch } = scripted([503, 503]);
    expect((await withRetries(fetch, { retries: 1, delayMs: 1 })(request('DELETE'))).status).toBe(503);
    expect(calls).toHaveLength(2);
  });

  it('rethrows the network error of the last attempt', async () => {
    const { fetch } = scripted([new TypeError('fetch failed'), new TypeError('fetch failed')]);
    await expect(withRetries(fetch, { retries: 1, delayMs: 1 })(request('GET'))).rejects.toThrow('fetch failed');
  });

  it.each([
    ['POST', [503]],
    ['GET', [404]],
    ['GET', [423]],
  ])('does not retry %s answered %j', async (method, outcomes) => {
    const { calls, fetch } = scripted([...outcomes, 200]);
    const response = await withRetries(fetch, { retries: 3, delayMs: 1 })(request(method));
    expect(response.status).toBe(outcomes[0]);
    expect(calls).toHaveLength(1);
  });

  it('does not retry errors that are not network failures', async () => {
    const { calls, fetch } = scripted([new RangeError('bug'), 200]);
    await expect(withRetries(fetch, { retries: 3, delayMs: 1 })(request('GET'))).rejects.toThrow('bug');
    expect(calls).toHaveLength(1);
  });
});

/** How {@link withRetries} retries. */
export interface RetryOptions {
  /** Extra attempts after the first; 0 turns retrying off. */
  readonly retries: number;
  /** Wait before the first retry, doubled for each further one. */
  readonly delayMs: number;
}

const idempotentMethods = new Set(['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS']);
const transientStatuses = new Set([502, 503, 504]);

/**
 * Wrap `fetch` so idempotent requests are retried after a network error or a 502/503/504, with
 * exponential backoff. POST is never retried: creating twice is not the same as creating once.
 */
export function withRetries(
  fetchImpl: (request: Request) => Promise<Response>,
  { retries, delayMs }: RetryOptions,
): (request: Request) => Promise<Response> {
  return async (request) => {
    if (retries <= 0 || !idempotentMethods.has(request.method)) return fetchImpl(request);
    for (let attempt = 0; ; attempt++) {
      const last = attempt >= retries;
      try {
        const response = await fetchImpl(last ? request : request.clone());
        if (last || !transientStatuses.has(response.status)) return response;
        await response.body?.cancel();
      } catch (error) {
        // fetch reports network failures as TypeError; anything else is not transient.
        if (last || !(error instanceof TypeError)) throw error;
      }
      await new Promise((resolve) => setTimeout(resolve, delayMs * 2 ** attempt));
    }
  };
}

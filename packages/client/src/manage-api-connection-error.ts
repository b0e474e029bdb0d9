/**
 * A manage API call that got no answer: the controller is down, unreachable, or refused the
 * connection. It names the method, the URL and the cause (e.g. `connect ECONNREFUSED 127.0.0.1:4100`)
 * instead of fetch's bare `TypeError: fetch failed`; the original error is its `cause`.
 */
export class ManageApiConnectionError extends Error {
  /** Always `ManageApiConnectionError`. */
  override readonly name = 'ManageApiConnectionError';

  constructor(
    /** The HTTP method of the request, e.g. `POST`. */
    readonly method: string,
    /** The absolute URL the request went to. */
    readonly url: string,
    /** What fetch threw; kept as the error's `cause`. */
    cause: unknown,
  ) {
    super(`${method} ${url} got no answer: ${describeCause(cause)}. Is the controller running at ${new URL(url).origin}?`, { cause });
  }
}

/**
 * The most specific words a network failure carries: fetch wraps the system error
 * (`TypeError: fetch failed` → `Error: connect ECONNREFUSED …`), so the innermost message wins;
 * an error without a message (an `AggregateError` of every address tried) is named by its code.
 */
function describeCause(cause: unknown): string {
  const chain: unknown[] = [];
  for (let error = cause; error !== undefined && error !== null && chain.length < 8; error = Reflect.get(Object(error), 'cause'))
    chain.push(error);
  const words = chain.reverse().map((error) => {
    if (!(error instanceof Error)) return String(error);
    const code = Reflect.get(error, 'code');
    return error.message || (typeof code === 'string' ? code : error.name);
  });
  return words.find((word) => word.length > 0) ?? 'no answer';
}

/** Raised when a serving backend answers with an error or an unexpected body. */
export class ServingError extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'ServingError';
  }
}

export interface ServingClientOptions {
  /** Base URL of the server, e.g. http://127.0.0.1:8000 */
  readonly baseUrl: string;
  readonly fetch?: typeof globalThis.fetch;
  readonly timeoutMs?: number;
  readonly apiKey?: string;
}

/** Send a JSON request and parse a JSON answer; non-2xx answers become a ServingError. */
export async function requestJson(options: ServingClientOptions, method: 'GET' | 'POST', path: string, body?: unknown): Promise<unknown> {
  const url = new URL(path, options.baseUrl.endsWith('/') ? options.baseUrl : `${options.baseUrl}/`);
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (options.apiKey) headers.authorization = `Bearer ${options.apiKey}`;
  const response = await (options.fetch ?? globalThis.fetch)(url, {
    method,
    headers,
    body: body === undefined ? null : JSON.stringify(body),
    signal: AbortSignal.timeout(options.timeoutMs ?? 60_000),
  });
  const text = await response.text();
  if (!response.ok) throw new ServingError(`${method} ${url.pathname} answered ${response.status}: ${text.slice(0, 200)}`, response.status);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ServingError(`${method} ${url.pathname} answered a body that is not JSON`, response.status);
  }
}

/** One request the page made, as the test saw it. */
export interface SeenRequest {
  readonly method: string;
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: unknown;
}

/** Answers a request, or throws as fetch does when no answer comes. */
export type Answer = (request: SeenRequest) => Response | Promise<Response>;

/** A JSON response, as the controller sends it. */
export const json = (status: number, body: unknown): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/**
 * A fetch for component specs that answers each `METHOD /path` from `routes` (unknown routes get a
 * 404 ApiError) and records every request with its identity headers and JSON body.
 */
export function scriptedFetch(routes: Record<string, Answer>): {
  fetch: (request: Request) => Promise<Response>;
  seen: SeenRequest[];
} {
  const seen: SeenRequest[] = [];
  return {
    seen,
    fetch: async (request) => {
      const text = await request.text();
      const seenRequest: SeenRequest = {
        method: request.method,
        path: new URL(request.url).pathname,
        headers: Object.fromEntries([...request.headers].filter(([name]) => name.startsWith('x-alphaswarm-'))),
        body: text ? JSON.parse(text) : undefined,
      };
      seen.push(seenRequest);
      const answer = routes[`${seenRequest.method} ${seenRequest.path}`];
      return answer ? answer(seenRequest) : json(404, { code: 'ASW-203', message: `no route ${seenRequest.method} ${seenRequest.path}` });
    },
  };
}

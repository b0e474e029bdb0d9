import Fastify, { LogController, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { AccessToken, TokenRegistry } from '../auth/token-registry.js';
import type { CacheStorage } from '../storage/cache-storage.js';
import { IncompleteUploadError } from '../storage/incomplete-upload-error.js';
import { isValidHash } from '../storage/is-valid-hash.js';

/** The log levels of the server (pino's). */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** One of {@link LOG_LEVELS}. */
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Where the server logs: JSON lines (fastify's logger) at `level`, to `stream` or stdout. */
export interface CacheServerLogger {
  /** The least severe level written. */
  readonly level: LogLevel;
  /** Where the JSON lines go; stdout when absent. */
  readonly stream?: { write(line: string): unknown };
}

/** What a cache server serves and how. */
export interface CacheServerOptions {
  /** Where entries live. */
  readonly storage: CacheStorage;
  /** The accepted tokens and their scopes. */
  readonly tokens: TokenRegistry;
  /** The largest entry accepted, in bytes: a larger upload gets 413 and is not read. */
  readonly maxEntryBytes: number;
  /** The logger; `false` logs nothing. Default: `info` to stdout. */
  readonly logger?: CacheServerLogger | false;
  /** A connection that sends nothing for this long is closed, discarding its upload (default 60 000 ms). */
  readonly idleTimeoutMs?: number;
}

/** The path of one cache entry in Nx's self-hosted remote cache API. */
export const CACHE_ROUTE = '/v1/cache/:hash';

interface HashParams {
  readonly hash: string;
}

type CacheRequest = FastifyRequest<{ Params: HashParams }>;

/**
 * Nx (23.2.1, `convert_response_to_error`) reports a 401 as the server's message only when the
 * Content-Type is exactly `text/plain`; with a charset it says "Misconfigured remote cache endpoint".
 */
const text = (reply: FastifyReply, status: number, message: string): FastifyReply =>
  reply.code(status).header('content-type', 'text/plain').send(`${message}\n`);

const unauthorized = (reply: FastifyReply): FastifyReply =>
  text(
    reply,
    401,
    'Missing or invalid cache token: send "Authorization: Bearer <token>" (set NX_SELF_HOSTED_REMOTE_CACHE_ACCESS_TOKEN) with a token this server knows',
  );

/**
 * The cache server: Nx's self-hosted remote cache API (`GET` and `PUT /v1/cache/{hash}`) over a
 * {@link CacheStorage}, with scoped bearer tokens and write-once entries, plus `GET /health`.
 *
 * A `PUT` is checked in this order, and nothing is read from its body until every check passed:
 * `Content-Length` present (411) and within the limit (413, connection closed); a known token
 * (401); a `read-write` scope (403); a valid hash (400); no entry yet (409). Then the body is
 * stored whole or not at all (200, or 409 when a concurrent upload of the hash won). Every write
 * attempt is logged with the token's name, never the token.
 */
export function createCacheServer(options: CacheServerOptions): FastifyInstance {
  const { storage, tokens, maxEntryBytes } = options;
  const logger = options.logger ?? { level: 'info' };
  const app = Fastify({
    logger:
      logger === false
        ? false
        : { level: logger.level, ...(logger.stream ? { stream: logger.stream } : {}), redact: ['req.headers.authorization'] },
    // Every cache request logs its own line with the token's name; fastify's request lines would repeat it.
    logController: new LogController({ disableRequestLogging: true }),
    connectionTimeout: options.idleTimeoutMs ?? 60_000,
    requestTimeout: 0,
    return503OnClosing: true,
    // Long hashes reach isValidHash and get its 400, not the router's 414.
    routerOptions: { maxParamLength: 1024 },
  });

  // The body of a PUT is the entry itself: no parser reads it, the handler streams it to storage.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', (_request, _payload, done) => done(null, undefined));

  // Once closing, every answer ends its connection, so a finished upload does not hold the shutdown open.
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onSend', async (_request, reply) => {
    if (closing) reply.header('connection', 'close');
  });

  app.get('/health', async () => ({ status: 'ok', ...storage.usage() }));

  const authenticate = (request: CacheRequest, reply: FastifyReply): AccessToken | undefined => {
    const token = tokens.identify(request.headers.authorization);
    if (!token) {
      request.log.warn(
        { method: request.method, hash: request.params.hash, outcome: 'unauthorized' },
        'cache request without a valid token',
      );
      unauthorized(reply);
    }
    return token;
  };

  app.get<{ Params: HashParams }>(CACHE_ROUTE, async (request, reply) => {
    const token = authenticate(request, reply);
    if (!token) return reply;
    const { hash } = request.params;
    if (!isValidHash(hash)) return text(reply, 400, `"${hash.slice(0, 200)}" is not a task hash: use 1 to 128 letters, digits, "_" or "-"`);
    const entry = await storage.read(hash);
    request.log.debug({ hash, token: token.name, outcome: entry ? 'hit' : 'miss' }, 'cache read');
    if (!entry) return text(reply, 404, `no entry for ${hash}`);
    return reply.code(200).header('content-type', 'application/octet-stream').header('content-length', entry.size).send(entry.body);
  });

  app.put<{ Params: HashParams }>(CACHE_ROUTE, async (request, reply) => {
    const { hash } = request.params;
    const declared = request.headers['content-length'];
    if (declared === undefined || request.headers['transfer-encoding'] !== undefined) {
      reply.header('connection', 'close');
      return text(reply, 411, 'Content-Length is required: send the entry with its length, not chunked');
    }
    const length = Number(declared);
    if (length > maxEntryBytes) {
      request.log.warn({ hash, bytes: length, limit: maxEntryBytes, outcome: 'too-large' }, 'cache write refused');
      reply.header('connection', 'close');
      return text(reply, 413, `an entry of ${length} bytes is larger than this server's limit of ${maxEntryBytes} bytes`);
    }
    const token = authenticate(request, reply);
    if (!token) return reply;
    const attempt = { hash, bytes: length, token: token.name, scope: token.scope };
    if (token.scope !== 'read-write') {
      request.log.warn({ ...attempt, outcome: 'read-only' }, 'cache write refused');
      return text(reply, 403, `token "${token.name}" is read-only: only the default branch's read-write token may write to the cache`);
    }
    if (!isValidHash(hash)) {
      request.log.warn({ ...attempt, hash: hash.slice(0, 200), outcome: 'bad-hash' }, 'cache write refused');
      return text(reply, 400, `"${hash.slice(0, 200)}" is not a task hash: use 1 to 128 letters, digits, "_" or "-"`);
    }
    if (await storage.has(hash)) {
      request.log.info({ ...attempt, outcome: 'exists' }, 'cache write refused');
      return text(reply, 409, `an entry for ${hash} exists; entries are write-once`);
    }
    let outcome;
    try {
      outcome = await storage.write(hash, request.raw, length);
    } catch (error) {
      if (!(error instanceof IncompleteUploadError)) throw error;
      request.log.warn({ ...attempt, received: error.received, outcome: 'incomplete' }, 'cache write discarded');
      reply.header('connection', 'close');
      return text(reply, 400, error.message);
    }
    request.log.info({ ...attempt, outcome }, outcome === 'stored' ? 'cache write' : 'cache write refused');
    return outcome === 'stored'
      ? text(reply, 200, `stored ${hash}`)
      : text(reply, 409, `an entry for ${hash} exists; entries are write-once`);
  });

  app.setErrorHandler((error, request, reply) => {
    const { statusCode, message } = error as { statusCode?: unknown; message?: unknown };
    const status = typeof statusCode === 'number' && statusCode >= 400 && statusCode < 600 ? statusCode : 500;
    if (status >= 500) request.log.error({ err: error }, 'cache server error');
    return text(reply, status, status < 500 && typeof message === 'string' ? message : 'internal error of the cache server; see its log');
  });

  app.setNotFoundHandler((request, reply) =>
    text(reply, 404, `${request.method} ${request.url} is not a cache server route: use GET or PUT /v1/cache/<hash>`),
  );

  return app;
}

import { loadTokens } from '../auth/load-tokens.js';
import type { TokenRegistry } from '../auth/token-registry.js';
import { createCacheServer, type CacheServerLogger } from '../server/create-cache-server.js';
import { DirectoryStorage } from '../storage/directory-storage.js';
import type { ServeArgs } from './parse-serve-args.js';

/** A running cache server: where it listens and how to stop it. */
export interface RunningCacheServer {
  /** The bound base URL, e.g. `http://127.0.0.1:41234`: the value of `NX_SELF_HOSTED_REMOTE_CACHE_SERVER`. */
  readonly url: string;
  /**
   * Stop: no new connections; uploads in progress get the grace period to finish and are stored,
   * or are discarded whole when it runs out. Resolves when nothing is left in flight.
   */
  close(): Promise<void>;
}

/** What {@link serve} needs besides the parsed arguments. */
export interface ServeContext {
  /** Where `CACHE_SERVER_TOKENS` is read when there is no `--tokens` file. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Tokens to use instead of `--tokens` and the environment. */
  readonly tokens?: TokenRegistry;
  /** Where the logs go (default stdout). */
  readonly logStream?: CacheServerLogger['stream'];
}

/**
 * Start the cache server on `host:port` (port 0 picks a free one) over a folder, and report the
 * bound URL.
 *
 * @throws CacheServerError for missing or bad tokens (ASW-903, ASW-904) or an unusable folder (ASW-905).
 */
export async function serve(
  args: Omit<ServeArgs, 'help'>,
  { env = process.env, tokens, logStream }: ServeContext = {},
): Promise<RunningCacheServer> {
  const registry = tokens ?? loadTokens(args.tokens, env);
  const logger: CacheServerLogger = { level: args.logLevel, ...(logStream ? { stream: logStream } : {}) };
  const evictions: { hash: string; size: number }[] = [];
  let report = (hash: string, size: number): void => {
    evictions.push({ hash, size });
  };
  const storage = await DirectoryStorage.open({
    dir: args.dir,
    ...(args.maxBytes === undefined ? {} : { maxBytes: args.maxBytes }),
    onEvict: (hash, size) => report(hash, size),
  });
  const server = createCacheServer({ storage, tokens: registry, maxEntryBytes: args.maxEntryBytes, logger });
  report = (hash, size) => server.log.info({ hash, bytes: size, outcome: 'evicted' }, 'cache entry evicted');
  for (const { hash, size } of evictions) report(hash, size);
  await server.listen({ port: args.port, host: args.host });
  const address = server.server.address();
  const boundPort = typeof address === 'object' && address ? address.port : args.port;
  const shownHost = args.host.includes(':') ? `[${args.host}]` : args.host;
  server.log.info(
    { dir: args.dir, tokens: registry.tokens, maxEntryBytes: args.maxEntryBytes, maxBytes: args.maxBytes },
    'cache server started',
  );
  return {
    url: `http://${shownHost}:${boundPort}`,
    close: async () => {
      const discard = setTimeout(() => {
        server.log.warn({ graceMs: args.shutdownGraceMs }, 'shutdown grace period over: discarding uploads in progress');
        server.server.closeAllConnections();
      }, args.shutdownGraceMs);
      try {
        await server.close();
      } finally {
        clearTimeout(discard);
      }
      await storage.close();
    },
  };
}

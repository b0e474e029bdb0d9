import bytes from 'bytes';
import { parseArgs } from 'node:util';
import { CacheServerError } from '../cache-server-error.js';
import { LOG_LEVELS, type LogLevel } from '../server/create-cache-server.js';

/** The default port: next to the controller's 4100. */
export const DEFAULT_PORT = 4300;

/** Options of the cache server's command line. */
export interface ServeArgs {
  /** Print the usage and do nothing else. */
  readonly help: boolean;
  /** 0 asks the system for a free port. */
  readonly port: number;
  /** The address to bind. */
  readonly host: string;
  /** The storage folder. */
  readonly dir: string;
  /** The tokens file; without it the tokens come from `CACHE_SERVER_TOKENS`. */
  readonly tokens: string | undefined;
  /** The largest entry accepted, in bytes. */
  readonly maxEntryBytes: number;
  /** Retention: the most bytes kept before the least recently read entries are evicted. */
  readonly maxBytes: number | undefined;
  /** How much the server logs. */
  readonly logLevel: LogLevel;
  /** How long a shutdown waits for uploads in progress before it discards them, in milliseconds. */
  readonly shutdownGraceMs: number;
}

/** The usage text of the cache server. */
export const SERVE_USAGE = `Usage: alphaswarm-cache-server [--port <n>] [--host <address>] [--dir <folder>] [--tokens <file>]
                              [--max-entry-size <size>] [--max-size <size>] [--log-level <level>]
                              [--shutdown-grace <seconds>]

Serves Nx's self-hosted remote cache API (GET/PUT /v1/cache/<hash>, GET /health) until SIGINT or
SIGTERM. Entries are write-once; only read-write tokens may write.

  --port <n>                 TCP port, 0 for any free port (default ${DEFAULT_PORT})
  --host <address>           address to bind (default 127.0.0.1)
  --dir <folder>             where entries are stored (default tmp/cache-server)
  --tokens <file>            the tokens document (JSON); default: the CACHE_SERVER_TOKENS variable
  --max-entry-size <size>    largest entry accepted, e.g. 512MB (default 512MB; 1MB = 1024 KB)
  --max-size <size>          evict the least recently read entries above this total, e.g. 20GB
                             (default: keep everything)
  --log-level <level>        ${LOG_LEVELS.join(', ')} (default info)
  --shutdown-grace <seconds> on SIGTERM, how long uploads in progress may finish before they are
                             discarded whole (default 30)
  -h, --help                 show this help
`;

const size = (option: string, value: string): number => {
  const parsed = /^\d+(\.\d+)?\s*([kmgt]?b)?$/i.test(value.trim()) ? bytes.parse(value) : null;
  if (parsed === null || !Number.isSafeInteger(parsed) || parsed < 1)
    throw new CacheServerError('ASW-902', `${option} "${value}" is not a size: use a number of bytes or a unit, e.g. 512MB or 20GB`);
  return parsed;
};

/** Parse the cache server's arguments, or throw a {@link CacheServerError} naming the bad value. */
export function parseServeArgs(argv: readonly string[]): ServeArgs {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        port: { type: 'string', default: String(DEFAULT_PORT) },
        host: { type: 'string', default: '127.0.0.1' },
        dir: { type: 'string', default: 'tmp/cache-server' },
        tokens: { type: 'string' },
        'max-entry-size': { type: 'string', default: '512MB' },
        'max-size': { type: 'string' },
        'log-level': { type: 'string', default: 'info' },
        'shutdown-grace': { type: 'string', default: '30' },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new CacheServerError('ASW-901', `${(error as Error).message}; see --help`);
  }
  const port = Number(values.port);
  if (!/^\d+$/.test(values.port) || port > 65535)
    throw new CacheServerError('ASW-902', `--port "${values.port}" is not a port: use an integer from 0 to 65535 (0 picks a free port)`);
  const logLevel = LOG_LEVELS.find((level) => level === values['log-level']);
  if (!logLevel)
    throw new CacheServerError('ASW-902', `--log-level "${values['log-level']}" is unknown: use one of ${LOG_LEVELS.join(', ')}`);
  if (!/^\d+(\.\d+)?$/.test(values['shutdown-grace']))
    throw new CacheServerError('ASW-902', `--shutdown-grace "${values['shutdown-grace']}" is not a number of seconds, e.g. 30`);
  if (values.dir.trim() === '') throw new CacheServerError('ASW-902', '--dir is empty: give the folder where entries are stored');
  const maxEntryBytes = size('--max-entry-size', values['max-entry-size']);
  const maxBytes = values['max-size'] === undefined ? undefined : size('--max-size', values['max-size']);
  if (maxBytes !== undefined && maxBytes < maxEntryBytes)
    throw new CacheServerError(
      'ASW-902',
      `--max-size ${values['max-size']} is smaller than --max-entry-size ${values['max-entry-size']}: one entry could evict everything; raise --max-size or lower --max-entry-size`,
    );
  return {
    help: values.help,
    port,
    host: values.host,
    dir: values.dir,
    tokens: values.tokens,
    maxEntryBytes,
    maxBytes,
    logLevel,
    shutdownGraceMs: Math.round(Number(values['shutdown-grace']) * 1000),
  };
}

import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { CliError } from './cli-error.js';

/** The log levels `--log-level` accepts (pino's). */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
/** The providers `--provider` selects. */
export const PROVIDERS = ['local-process', 'in-process'] as const;

/** Options of the `serve` command. */
export interface ServeArgs {
  /** Print the usage and do nothing else. */
  readonly help: boolean;
  /** 0 asks the system for a free port. */
  readonly port: number;
  /** The address to bind. */
  readonly host: string;
  /** How much the server logs (pino levels). */
  readonly logLevel: (typeof LOG_LEVELS)[number];
  /** Absolute path of the folder the controller writes: the embedded database, pid files, replica logs, its lock. */
  readonly dataDir: string;
  /** A PostgreSQL connection string (from `DATABASE_URL`); the embedded database in `dataDir` when absent. */
  readonly databaseUrl?: string;
  /** Which provider runs workloads. */
  readonly provider: (typeof PROVIDERS)[number];
  /** Milliseconds between reconciliation passes. */
  readonly reconcileIntervalMs: number;
  /** Milliseconds the local-process provider waits after SIGTERM before SIGKILL. */
  readonly stopGraceMs: number;
  /** A file with the public key (PEM or JWK) that verifies bearer tokens. */
  readonly jwtKey?: string;
  /** A JWKS URL whose keys verify bearer tokens. */
  readonly jwksUrl?: string;
  /** The `iss` tokens must carry. */
  readonly jwtIssuer?: string;
  /** The `aud` tokens must carry. */
  readonly jwtAudience?: string;
  /** Trust identity headers on a non-loopback address (behind an authenticating gateway). */
  readonly trustIdentityHeaders: boolean;
}

/** The usage text of the `serve` command. */
export const SERVE_USAGE = `Usage: alphaswarm-controller [options]

Serves the /manage/* API until SIGINT or SIGTERM. State lives in PostgreSQL: embedded (PGlite) in
<data-dir>/pglite, or the server named by the DATABASE_URL environment variable.

  --port <n>                   TCP port, 0 for any free port (default 4100)
  --host <address>             address to bind (default 127.0.0.1)
  --data-dir <dir>             where the controller writes its database, pid files and replica logs
                               (default .alphaswarm/controller in the current directory)
  --provider <name>            ${PROVIDERS.join(' or ')} (default local-process; in-process runs nothing, for tests)
  --reconcile-interval <ms>    how often to ask the provider about every workload (default 2000)
  --stop-grace <ms>            local-process: SIGTERM, then SIGKILL after this long (default 5000)
  --jwt-key <file>             public key (PEM or JWK) that verifies "Authorization: Bearer" JWTs
  --jwks-url <url>             or a JWKS URL whose keys verify them
  --jwt-issuer <iss>           the issuer tokens must name
  --jwt-audience <aud>         the audience tokens must name
  --trust-identity-headers     accept x-alphaswarm-tenant/-principal/-roles off loopback (behind a gateway)
  --log-level <level>          ${LOG_LEVELS.join(', ')} (default warn)
  -h, --help                   show this help

Off loopback, --jwt-key or --jwks-url is required. On loopback, identity headers are accepted too.
`;

/** Parse `serve`'s arguments (and `DATABASE_URL` from `env`), or throw a {@link CliError} naming the bad value. */
export function parseServeArgs(argv: readonly string[], env: Readonly<Record<string, string | undefined>> = process.env): ServeArgs {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        port: { type: 'string', default: '4100' },
        host: { type: 'string', default: '127.0.0.1' },
        'log-level': { type: 'string', default: 'warn' },
        'data-dir': { type: 'string', default: '.alphaswarm/controller' },
        provider: { type: 'string', default: 'local-process' },
        'reconcile-interval': { type: 'string', default: '2000' },
        'stop-grace': { type: 'string', default: '5000' },
        'jwt-key': { type: 'string' },
        'jwks-url': { type: 'string' },
        'jwt-issuer': { type: 'string' },
        'jwt-audience': { type: 'string' },
        'trust-identity-headers': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new CliError('ASW-210', `${(error as Error).message}; see --help`);
  }
  const port = Number(values.port);
  if (!/^\d+$/.test(values.port) || port > 65535) {
    throw new CliError('ASW-211', `--port "${values.port}" is not a port: use an integer from 0 to 65535 (0 picks a free port)`);
  }
  const logLevel = LOG_LEVELS.find((level) => level === values['log-level']);
  if (!logLevel) throw new CliError('ASW-212', `--log-level "${values['log-level']}" is unknown: use one of ${LOG_LEVELS.join(', ')}`);
  const provider = PROVIDERS.find((name) => name === values.provider);
  if (!provider) throw new CliError('ASW-214', `--provider "${values.provider}" is unknown: use one of ${PROVIDERS.join(', ')}`);
  if (values['jwt-key'] !== undefined && values['jwks-url'] !== undefined) {
    throw new CliError('ASW-215', '--jwt-key and --jwks-url both given: verify tokens with one of them');
  }
  if (values['jwks-url'] !== undefined && !URL.canParse(values['jwks-url'])) {
    throw new CliError('ASW-215', `--jwks-url "${values['jwks-url']}" is not a URL: give the https:// address of the JWKS`);
  }
  const databaseUrl = env['DATABASE_URL'] || undefined;
  return {
    help: values.help,
    port,
    host: values.host,
    logLevel,
    dataDir: resolve(values['data-dir']),
    ...(databaseUrl ? { databaseUrl } : {}),
    provider,
    reconcileIntervalMs: milliseconds('--reconcile-interval', values['reconcile-interval']),
    stopGraceMs: milliseconds('--stop-grace', values['stop-grace']),
    ...(values['jwt-key'] !== undefined ? { jwtKey: resolve(values['jwt-key']) } : {}),
    ...(values['jwks-url'] !== undefined ? { jwksUrl: values['jwks-url'] } : {}),
    ...(values['jwt-issuer'] !== undefined ? { jwtIssuer: values['jwt-issuer'] } : {}),
    ...(values['jwt-audience'] !== undefined ? { jwtAudience: values['jwt-audience'] } : {}),
    trustIdentityHeaders: values['trust-identity-headers'],
  };
}

function milliseconds(option: string, value: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 10 || Number(value) > 3_600_000) {
    throw new CliError('ASW-216', `${option} "${value}" is not a duration: use milliseconds from 10 to 3600000`);
  }
  return Number(value);
}

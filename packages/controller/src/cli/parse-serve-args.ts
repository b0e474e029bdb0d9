import { parseArgs } from 'node:util';
import { CliError } from './cli-error.js';

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

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
}

/** The usage text of the `serve` command. */
export const SERVE_USAGE = `Usage: alphaswarm-controller [--port <n>] [--host <address>] [--log-level <level>]

Serves the /manage/* API with the in-process workload provider until SIGINT or SIGTERM.

  --port <n>            TCP port, 0 for any free port (default 4100)
  --host <address>      address to bind (default 127.0.0.1)
  --log-level <level>   ${LOG_LEVELS.join(', ')} (default warn)
  -h, --help            show this help
`;

/** Parse `serve`'s arguments, or throw a {@link CliError} naming the bad value. */
export function parseServeArgs(argv: readonly string[]): ServeArgs {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        port: { type: 'string', default: '4100' },
        host: { type: 'string', default: '127.0.0.1' },
        'log-level': { type: 'string', default: 'warn' },
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
  return { help: values.help, port, host: values.host, logLevel };
}

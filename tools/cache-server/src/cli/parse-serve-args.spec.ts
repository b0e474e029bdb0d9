import { describe, expect, it } from 'vitest';
import { parseServeArgs, type ServeArgs } from './parse-serve-args.js';

const defaults: ServeArgs = {
  help: false,
  port: 4300,
  host: '127.0.0.1',
  dir: 'tmp/cache-server',
  tokens: undefined,
  maxEntryBytes: 512 * 1024 * 1024,
  maxBytes: undefined,
  logLevel: 'info',
  shutdownGraceMs: 30_000,
};

describe('parseServeArgs', () => {
  it.each([
    [[], defaults],
    [['--port', '0'], { ...defaults, port: 0 }],
    [
      ['--port=0', '--dir', '/var/cache/nx', '--tokens', '/run/secrets/tokens.json'],
      { ...defaults, port: 0, dir: '/var/cache/nx', tokens: '/run/secrets/tokens.json' },
    ],
    [['--host', '0.0.0.0', '--log-level', 'warn'], { ...defaults, host: '0.0.0.0', logLevel: 'warn' }],
    [['--max-entry-size', '64MB', '--max-size', '20GB'], { ...defaults, maxEntryBytes: 64 * 1024 ** 2, maxBytes: 20 * 1024 ** 3 }],
    [['--max-entry-size', '1000'], { ...defaults, maxEntryBytes: 1000 }],
    [['--shutdown-grace', '2.5'], { ...defaults, shutdownGraceMs: 2500 }],
    [['-h'], { ...defaults, help: true }],
  ])('%j -> the options', (argv, expected) => {
    expect(parseServeArgs(argv)).toEqual(expected);
  });

  it.each([
    [['--verbose'], 'ASW-901', "Unknown option '--verbose'; see --help"],
    [['--port'], 'ASW-901', "Option '--port <value>' argument missing"],
    [['--port', 'x'], 'ASW-902', '--port "x" is not a port: use an integer from 0 to 65535 (0 picks a free port)'],
    [['--port', '70000'], 'ASW-902', '--port "70000" is not a port'],
    [['--log-level', 'loud'], 'ASW-902', '--log-level "loud" is unknown: use one of fatal, error, warn, info, debug, trace, silent'],
    [['--max-entry-size', 'lots'], 'ASW-902', '--max-entry-size "lots" is not a size: use a number of bytes or a unit, e.g. 512MB or 20GB'],
    [['--max-entry-size', '0'], 'ASW-902', '--max-entry-size "0" is not a size'],
    [['--max-size=-5GB'], 'ASW-902', '--max-size "-5GB" is not a size'],
    [['--max-size', '10MB'], 'ASW-902', '--max-size 10MB is smaller than --max-entry-size 512MB: one entry could evict everything'],
    [['--shutdown-grace', 'soon'], 'ASW-902', '--shutdown-grace "soon" is not a number of seconds, e.g. 30'],
    [['--dir', ''], 'ASW-902', '--dir is empty: give the folder where entries are stored'],
  ])('%j fails with %s', (argv, code, message) => {
    expect(() => parseServeArgs(argv)).toThrow(expect.objectContaining({ code, message: expect.stringContaining(message) }));
  });
});

import { describe, expect, it } from 'vitest';
import { parseServeArgs } from './parse-serve-args.js';

describe('parseServeArgs', () => {
  it.each([
    [[], { help: false, port: 4100, host: '127.0.0.1', logLevel: 'warn' }],
    [['--port', '0'], { help: false, port: 0, host: '127.0.0.1', logLevel: 'warn' }],
    [['--port=8080', '--host', '0.0.0.0', '--log-level', 'info'], { help: false, port: 8080, host: '0.0.0.0', logLevel: 'info' }],
    [['-h'], { help: true, port: 4100, host: '127.0.0.1', logLevel: 'warn' }],
  ])('%j -> %j', (argv, expected) => {
    expect(parseServeArgs(argv)).toEqual(expected);
  });

  it.each([
    [['--port', 'x'], 'ASW-211', '--port "x" is not a port: use an integer from 0 to 65535 (0 picks a free port)'],
    [['--port', '70000'], 'ASW-211', '--port "70000" is not a port'],
    [['--port', '-1'], 'ASW-210', "Option '--port' argument is ambiguous"],
    [['--log-level', 'loud'], 'ASW-212', '--log-level "loud" is unknown: use one of fatal, error, warn, info, debug, trace, silent'],
    [['--verbose'], 'ASW-210', "Unknown option '--verbose'"],
  ])('%j fails with %s', (argv, code, message) => {
    expect(() => parseServeArgs(argv)).toThrow(expect.objectContaining({ code, message: expect.stringContaining(message) }));
  });
});

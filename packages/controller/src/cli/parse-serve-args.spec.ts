import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseServeArgs } from './parse-serve-args.js';

const defaults = {
  help: false,
  port: 4100,
  host: '127.0.0.1',
  logLevel: 'warn',
  dataDir: resolve('.alphaswarm/controller'),
  provider: 'local-process',
  reconcileIntervalMs: 2000,
  stopGraceMs: 5000,
  trustIdentityHeaders: false,
};

describe('parseServeArgs', () => {
  it.each([
    [[], {}, defaults],
    [['--port', '0'], {}, { ...defaults, port: 0 }],
    [['--port=8080', '--host', '0.0.0.0', '--log-level', 'info'], {}, { ...defaults, port: 8080, host: '0.0.0.0', logLevel: 'info' }],
    [['-h'], {}, { ...defaults, help: true }],
    [
      ['--data-dir', '/srv/ctl', '--provider', 'in-process', '--reconcile-interval', '250', '--stop-grace', '100'],
      { DATABASE_URL: 'postgres://db/ctl' },
      {
        ...defaults,
        dataDir: '/srv/ctl',
        provider: 'in-process',
        reconcileIntervalMs: 250,
        stopGraceMs: 100,
        databaseUrl: 'postgres://db/ctl',
      },
    ],
    [
      ['--jwt-key', '/etc/ctl/key.pem', '--jwt-issuer', 'https://idp', '--jwt-audience', 'ctl', '--trust-identity-headers'],
      { DATABASE_URL: '' },
      { ...defaults, jwtKey: '/etc/ctl/key.pem', jwtIssuer: 'https://idp', jwtAudience: 'ctl', trustIdentityHeaders: true },
    ],
    [['--jwks-url', 'https://idp/jwks.json'], {}, { ...defaults, jwksUrl: 'https://idp/jwks.json' }],
  ])('%j with %j -> %j', (argv, env, expected) => {
    expect(parseServeArgs(argv, env)).toEqual(expected);
  });

  it.each([
    [['--port', 'x'], 'ASW-211', '--port "x" is not a port: use an integer from 0 to 65535 (0 picks a free port)'],
    [['--port', '70000'], 'ASW-211', '--port "70000" is not a port'],
    [['--port', '-1'], 'ASW-210', "Option '--port' argument is ambiguous"],
    [['--log-level', 'loud'], 'ASW-212', '--log-level "loud" is unknown: use one of fatal, error, warn, info, debug, trace, silent'],
    [['--verbose'], 'ASW-210', "Unknown option '--verbose'"],
    [['--provider', 'k8s'], 'ASW-214', '--provider "k8s" is unknown: use one of local-process, in-process'],
    [
      ['--jwt-key', 'k.pem', '--jwks-url', 'https://idp/jwks'],
      'ASW-215',
      '--jwt-key and --jwks-url both given: verify tokens with one of them',
    ],
    [['--jwks-url', 'idp'], 'ASW-215', '--jwks-url "idp" is not a URL'],
    [['--reconcile-interval', '1s'], 'ASW-216', '--reconcile-interval "1s" is not a duration: use milliseconds from 10 to 3600000'],
  ])('%j fails with %s', (argv, code, message) => {
    expect(() => parseServeArgs(argv, {})).toThrow(expect.objectContaining({ code, message: expect.stringContaining(message) }));
  });
});

import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTokens } from './load-tokens.js';
import { parseTokens } from './parse-tokens.js';
import { TokenRegistry } from './token-registry.js';

const WRITE = 'write-token-0123456789abcdef';
const READ = 'read-token-0123456789abcdef';
const document = (tokens: unknown[]): string => JSON.stringify({ tokens });
const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

describe('parseTokens', () => {
  it('reads plain and hashed tokens with their scopes', () => {
    const registry = parseTokens(
      document([
        { name: 'ci-default-branch', scope: 'read-write', token: WRITE },
        { name: 'ci-pull-requests', scope: 'read', sha256: sha256(READ) },
      ]),
      'tokens.json',
    );
    expect(registry.tokens).toEqual([
      { name: 'ci-default-branch', scope: 'read-write' },
      { name: 'ci-pull-requests', scope: 'read' },
    ]);
    expect(registry.identify(`Bearer ${WRITE}`)).toEqual({ name: 'ci-default-branch', scope: 'read-write' });
    expect(registry.identify(`Bearer ${READ}`)).toEqual({ name: 'ci-pull-requests', scope: 'read' });
  });

  it.each([
    ['not JSON', '{tokens', 'tokens.json is not valid JSON'],
    ['no tokens', document([]), 'tokens.json: tokens: list at least one token'],
    ['an unknown scope', document([{ name: 'x', scope: 'admin', token: WRITE }]), 'tokens.json: tokens.0.scope:'],
    [
      'a short token',
      document([{ name: 'x', scope: 'read', token: 'short' }]),
      'tokens.json: tokens.0.token: a token has at least 16 characters',
    ],
    [
      'neither token nor sha256',
      document([{ name: 'x', scope: 'read' }]),
      'tokens.json: tokens.0: give exactly one of "token" and "sha256"',
    ],
    [
      'both token and sha256',
      document([{ name: 'x', scope: 'read', token: READ, sha256: sha256(READ) }]),
      'give exactly one of "token" and "sha256"',
    ],
    [
      'a malformed sha256',
      document([{ name: 'x', scope: 'read', sha256: 'ABC' }]),
      'tokens.json: tokens.0.sha256: sha256 is 64 lowercase hex digits',
    ],
    ['a bad name', document([{ name: 'has space', scope: 'read', token: READ }]), 'tokens.json: tokens.0.name: a name is 1 to 64 letters'],
    ['an unknown field', document([{ name: 'x', scope: 'read', token: READ, admin: true }]), 'tokens.json: tokens.0:'],
    [
      'a name used twice',
      document([
        { name: 'ci', scope: 'read', token: READ },
        { name: 'ci', scope: 'read-write', token: WRITE },
      ]),
      'tokens.json: tokens.1.name: "ci" is used twice',
    ],
    [
      'one secret for two tokens',
      document([
        { name: 'a', scope: 'read', token: READ },
        { name: 'b', scope: 'read-write', sha256: sha256(READ) },
      ]),
      'tokens.json: tokens.1: "b" has the same secret as "a"',
    ],
  ])('refuses %s with ASW-904', (_, text, message) => {
    expect(() => parseTokens(text, 'tokens.json')).toThrow(
      expect.objectContaining({ code: 'ASW-904', message: expect.stringContaining(message) }),
    );
  });
});

describe('TokenRegistry.identify', () => {
  const registry = TokenRegistry.fromSecrets([
    { name: 'ci-default-branch', scope: 'read-write', token: WRITE },
    { name: 'ci-pull-requests', scope: 'read', token: READ },
  ]);

  it.each([
    [`Bearer ${WRITE}`, { name: 'ci-default-branch', scope: 'read-write' }],
    [`bearer ${READ}`, { name: 'ci-pull-requests', scope: 'read' }],
    [`Bearer  ${READ} `, { name: 'ci-pull-requests', scope: 'read' }],
    [undefined, undefined],
    ['', undefined],
    ['Bearer', undefined],
    ['Bearer ', undefined],
    [`Basic ${WRITE}`, undefined],
    [WRITE, undefined],
    [`Bearer ${WRITE.slice(0, -1)}`, undefined],
    [`Bearer ${WRITE}0`, undefined],
    [`Bearer ${WRITE} ${READ}`, undefined],
  ])('%j -> %j', (header, expected) => {
    expect(registry.identify(header)).toEqual(expected);
  });
});

describe('loadTokens', () => {
  const text = document([{ name: 'ci-default-branch', scope: 'read-write', token: WRITE }]);

  it('reads the --tokens file before the environment', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cache-server-tokens-'));
    try {
      writeFileSync(join(dir, 'tokens.json'), text);
      const fromFile = loadTokens(join(dir, 'tokens.json'), {
        CACHE_SERVER_TOKENS: document([{ name: 'other', scope: 'read', token: READ }]),
      });
      expect(fromFile.tokens).toEqual([{ name: 'ci-default-branch', scope: 'read-write' }]);
      expect(() => loadTokens(join(dir, 'missing.json'), {})).toThrow(
        expect.objectContaining({
          code: 'ASW-904',
          message: `cannot read the tokens file ${join(dir, 'missing.json')} (ENOENT); pass an existing file to --tokens`,
        }),
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads CACHE_SERVER_TOKENS without a file, and refuses to run with neither', () => {
    expect(loadTokens(undefined, { CACHE_SERVER_TOKENS: text }).tokens).toEqual([{ name: 'ci-default-branch', scope: 'read-write' }]);
    expect(() => loadTokens(undefined, { CACHE_SERVER_TOKENS: '{}' })).toThrow(
      expect.objectContaining({ code: 'ASW-904', message: expect.stringContaining('CACHE_SERVER_TOKENS: tokens:') }),
    );
    for (const env of [{}, { CACHE_SERVER_TOKENS: ' ' }])
      expect(() => loadTokens(undefined, env)).toThrow(
        expect.objectContaining({
          code: 'ASW-903',
          message: expect.stringContaining('no tokens: pass --tokens <file> or set CACHE_SERVER_TOKENS'),
        }),
      );
  });
});

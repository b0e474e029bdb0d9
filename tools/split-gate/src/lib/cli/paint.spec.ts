import { Writable } from 'node:stream';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { padEnd, painter, plainText } from './paint.js';

/** A stream as a terminal would present it: a TTY with a colour depth, or a pipe. */
const stream = (tty: { depth: number } | undefined): NodeJS.WritableStream =>
  Object.assign(new Writable({ write: (_chunk, _encoding, done) => done() }), tty ? { isTTY: true, getColorDepth: () => tty.depth } : {});

describe('painter', () => {
  afterEach(() => vi.unstubAllEnvs());

  it.each([
    ['a pipe', undefined, {}, 'ok'],
    ['a colour terminal', { depth: 8 }, {}, '\u001b[32mok\u001b[39m'],
    ['a terminal without colour', { depth: 1 }, {}, 'ok'],
    ['a pipe with FORCE_COLOR=1', undefined, { FORCE_COLOR: '1' }, '\u001b[32mok\u001b[39m'],
  ] as const)('on %s paints %j', (_, tty, env, expected) => {
    vi.stubEnv('FORCE_COLOR', undefined);
    for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
    expect(painter(stream(tty))('green', 'ok')).toBe(expected);
  });
});

describe('plainText', () => {
  it('leaves the text as it is', () => {
    expect(plainText('red', 'ok')).toBe('ok');
  });
});

describe('padEnd', () => {
  it('pads to a width measured without colour codes', () => {
    expect(padEnd('\u001b[31mab\u001b[39m', 4)).toBe('\u001b[31mab\u001b[39m  ');
    expect(padEnd('abcdef', 4)).toBe('abcdef');
  });
});

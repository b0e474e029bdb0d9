import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  CONTENT_ADDRESS_PATTERN,
  ContentAddressSchema,
  contentAddressOfBytes,
  contentAddressOfJson,
  parseContentAddress,
} from './content-address.js';

const nodeSha256 = (bytes: string | Uint8Array): string => `sha256:${createHash('sha256').update(bytes).digest('hex')}`;

describe('contentAddressOfBytes', () => {
  it.each([
    ['the empty string', '', 'sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['"abc"', 'abc', 'sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
  ])('hashes %s to its known SHA-256', (_, content, address) => {
    expect(contentAddressOfBytes(content)).toBe(address);
  });

  it.each([
    ['UTF-8 text', 'ünïcödé ✓'],
    ['bytes', new Uint8Array([0, 1, 2, 255, 254])],
  ])('agrees with node:crypto on %s', (_, content) => {
    expect(contentAddressOfBytes(content)).toBe(nodeSha256(content));
  });
});

describe('contentAddressOfJson', () => {
  it('gives equal values the same address whatever their key order', () => {
    expect(contentAddressOfJson({ b: [1, { d: 2, c: 3 }], a: 'x' })).toBe(contentAddressOfJson({ a: 'x', b: [1, { c: 3, d: 2 }] }));
    expect(contentAddressOfJson({ a: 1 })).toBe(nodeSha256('{"a":1}'));
    expect(contentAddressOfJson({ a: 1 })).not.toBe(contentAddressOfJson({ a: 2 }));
  });

  it.each([
    ['undefined', undefined, 'canonicalJson: a undefined has no JSON form'],
    ['a function', () => 1, 'canonicalJson: a function has no JSON form'],
    ['NaN', Number.NaN, 'canonicalJson:'],
  ])('refuses %s instead of hashing an empty string', (_, value, message) => {
    expect(() => contentAddressOfJson(value)).toThrow(TypeError);
    expect(() => contentAddressOfJson(value)).toThrow(message);
  });
});

describe('parseContentAddress and ContentAddressSchema', () => {
  const valid = contentAddressOfBytes('x');
  it.each([
    ['a sha256 address', valid, true],
    ['upper-case hex', valid.toUpperCase().replace('SHA256', 'sha256'), false],
    ['a short digest', 'sha256:abc', false],
    ['another algorithm', valid.replace('sha256', 'sha512'), false],
    ['bare hex', valid.slice('sha256:'.length), false],
  ])('%s: valid is %s', (_, value, ok) => {
    expect(CONTENT_ADDRESS_PATTERN.test(value)).toBe(ok);
    expect(ContentAddressSchema.safeParse(value).success).toBe(ok);
    if (ok) expect(parseContentAddress(value)).toBe(value);
    else expect(() => parseContentAddress(value)).toThrow(`invalid content address "${value}": use sha256: and 64 lowercase hex digits`);
  });
});

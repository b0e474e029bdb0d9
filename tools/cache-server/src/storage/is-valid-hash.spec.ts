import { describe, expect, it } from 'vitest';
import { isValidHash, MAX_HASH_LENGTH } from './is-valid-hash.js';

describe('isValidHash', () => {
  it.each([
    ['an Nx task hash', '9187428373914410539', true],
    ['letters, digits, - and _', 'abc-DEF_123', true],
    ['the longest allowed', 'a'.repeat(MAX_HASH_LENGTH), true],
    ['empty', '', false],
    ['one character too long', 'a'.repeat(MAX_HASH_LENGTH + 1), false],
    ['a parent folder', '..', false],
    ['the current folder', '.', false],
    ['a hidden file', '.hidden', false],
    ['a dot inside', 'abc.def', false],
    ['a slash', 'a/b', false],
    ['a backslash', 'a\\b', false],
    ['a traversal', '../../etc/passwd', false],
    ['a NUL byte', 'abc\u0000', false],
    ['a percent sign', 'a%2Fb', false],
    ['a space', 'a b', false],
    ['a newline', 'abc\n', false],
    ['a non-ASCII letter', 'abcé', false],
  ])('%s (%j) -> %s', (_, hash, expected) => {
    expect(isValidHash(hash)).toBe(expected);
  });
});

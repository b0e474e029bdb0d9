import { describe, expect, it } from 'vitest';
import { contentDigest } from './content-digest.js';

describe('contentDigest', () => {
  it('hashes the bytes with SHA-256', () => {
    expect(contentDigest('abc')).toBe('sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('gives the same digest for a string and its UTF-8 bytes', () => {
    expect(contentDigest(new TextEncoder().encode('é'))).toBe(contentDigest('é'));
  });
});

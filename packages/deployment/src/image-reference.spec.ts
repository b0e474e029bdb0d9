import { describe, expect, it } from 'vitest';
import { parseImageReference } from './image-reference.js';

describe('parseImageReference', () => {
  it.each([
    ['alphaswarm/controller:0.1.0', { repository: 'alphaswarm/controller', tag: '0.1.0' }],
    ['alphaswarm/client', { repository: 'alphaswarm/client', tag: 'latest' }],
  ])('%s', (value, expected) => {
    expect(parseImageReference(value)).toEqual(expected);
  });

  it.each(['', 'UPPER/x', 'a:', 'a::b'])('refuses %j', (value) => {
    expect(() => parseImageReference(value)).toThrow(`invalid image reference "${value}"`);
  });
});

import { describe, expect, it } from 'vitest';
import { packageNameOf } from './package-name-of.js';

describe('packageNameOf', () => {
  it.each([
    ['@alphaswarm/core', '@alphaswarm/core'],
    ['@alphaswarm/monolith/rl', '@alphaswarm/monolith'],
    ['@alphaswarm/monolith/rl/deep.js', '@alphaswarm/monolith'],
    ['@scope', '@scope'],
    ['lodash', 'lodash'],
    ['lodash/fp/map', 'lodash'],
    ['node:fs', 'node:fs'],
    ['fs/promises', 'fs'],
  ])('%s names the package %s', (specifier, name) => {
    expect(packageNameOf(specifier)).toBe(name);
  });
});

import { describe, expect, it } from 'vitest';
import { pruneNxPlugins } from './prune-nx-plugins.js';

const typescriptPlugin = { plugin: '@nx/js/typescript', options: { build: { targetName: 'build' } } };
const present = new Set(['./tools/api-report/plugin.mjs']);
const exists = (path: string): boolean => present.has(path);

describe('pruneNxPlugins', () => {
  it.each([
    [
      'a local plugin whose file was not assembled goes; package plugins stay',
      [typescriptPlugin, './tools/ci/some-plugin.mjs'],
      [typescriptPlugin],
      ['./tools/ci/some-plugin.mjs'],
    ],
    [
      'a local plugin that was assembled stays, as a string or an object',
      ['./tools/api-report/plugin.mjs', { plugin: './tools/api-report/plugin.mjs', options: {} }],
      ['./tools/api-report/plugin.mjs', { plugin: './tools/api-report/plugin.mjs', options: {} }],
      [],
    ],
    [
      'an object entry of a missing local plugin goes',
      [{ plugin: '../outside/plugin.js' }, 'nx-lint'],
      ['nx-lint'],
      ['../outside/plugin.js'],
    ],
  ])('%s', (_case, plugins, kept, dropped) => {
    const result = pruneNxPlugins({ defaultBase: 'main', plugins }, exists);
    expect(result).toEqual({ nxJson: { defaultBase: 'main', plugins: kept }, dropped });
  });

  it('nx.json without plugins is returned as it is', () => {
    const nxJson = { defaultBase: 'main' };
    expect(pruneNxPlugins(nxJson, exists)).toEqual({ nxJson, dropped: [] });
  });
});

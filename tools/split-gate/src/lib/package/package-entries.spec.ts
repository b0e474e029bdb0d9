import { describe, expect, it } from 'vitest';
import { binsOf, exportEntries, namedFiles, specifierOf } from './package-entries.js';

const manifest = {
  name: '@alphaswarm/models',
  version: '0.1.0',
  exports: {
    '.': { types: './dist/index.d.ts', '@alphaswarm/source': './src/index.ts', import: './dist/index.js' },
    './serving': { types: './dist/serving/index.d.ts', default: './dist/serving/index.js' },
    './package.json': './package.json',
    './data/*': './data/*.json',
  },
  types: './dist/index.d.ts',
  bin: { models: './bin/models.js' },
};

describe('package entries', () => {
  it('names every file exports, types and bin point at, leaving the workspace source condition and patterns out', () => {
    expect(namedFiles(manifest)).toEqual([
      'bin/models.js',
      'dist/index.d.ts',
      'dist/index.js',
      'dist/serving/index.d.ts',
      'dist/serving/index.js',
      'package.json',
    ]);
  });

  it('lists the subpaths a consumer imports, with their types', () => {
    expect(exportEntries(manifest).map((entry) => [specifierOf(manifest.name, entry.subpath), entry.types])).toEqual([
      ['@alphaswarm/models', './dist/index.d.ts'],
      ['@alphaswarm/models/serving', './dist/serving/index.d.ts'],
      ['@alphaswarm/models/package.json', undefined],
    ]);
  });

  it('reads a plain string exports and a string bin', () => {
    expect([exportEntries({ name: 'x', exports: './dist/x.js' }), binsOf({ name: '@alphaswarm/tool', bin: './bin/tool.js' })]).toEqual([
      [{ subpath: '.', files: ['./dist/x.js'], types: undefined }],
      { tool: './bin/tool.js' },
    ]);
  });
});

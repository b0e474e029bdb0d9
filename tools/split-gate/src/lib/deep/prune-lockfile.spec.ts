import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { pruneLockfile } from './prune-lockfile.js';

const lockfile = `lockfileVersion: '9.0'

settings:
  autoInstallPeers: true

catalogs:
  default:
    typescript:
      specifier: 6.0.3
      version: 6.0.3

importers:

  .:
    devDependencies:
      '@alphaswarm/workspace-plugin':
        specifier: workspace:*
        version: link:tools/workspace-plugin
      typescript:
        specifier: 'catalog:'
        version: 6.0.3

  packages/core: {}

  packages/rl:
    dependencies:
      '@alphaswarm/core':
        specifier: workspace:*
        version: link:../core
      '@alphaswarm/monolith-primitives':
        specifier: workspace:*
        version: link:../monolith-primitives

  tools/workspace-plugin:
    dependencies:
      typescript:
        specifier: 'catalog:'
        version: 6.0.3

packages:

  typescript@6.0.3:
    resolution: {integrity: sha512-abc}
`;

describe('pruneLockfile', () => {
  it('keeps only the assembled importers, each with only what its manifest still declares', () => {
    const pruned = parse(
      pruneLockfile(
        lockfile,
        new Map([
          ['.', { devDependencies: { typescript: 'catalog:' } }],
          ['packages/core', {}],
          ['packages/rl', { dependencies: { '@alphaswarm/core': 'workspace:*' } }],
        ]),
      ),
    ) as Record<string, unknown>;
    expect(pruned['importers']).toEqual({
      '.': { devDependencies: { typescript: { specifier: 'catalog:', version: '6.0.3' } } },
      'packages/core': {},
      'packages/rl': { dependencies: { '@alphaswarm/core': { specifier: 'workspace:*', version: 'link:../core' } } },
    });
  });

  it('leaves the resolved packages, catalogs and settings as they were', () => {
    const before = parse(lockfile) as Record<string, unknown>;
    const after = parse(pruneLockfile(lockfile, new Map([['.', {}]]))) as Record<string, unknown>;
    expect([after['lockfileVersion'], after['settings'], after['catalogs'], after['packages']]).toEqual([
      '9.0',
      before['settings'],
      before['catalogs'],
      before['packages'],
    ]);
    expect(after['importers']).toEqual({ '.': {} });
  });
});

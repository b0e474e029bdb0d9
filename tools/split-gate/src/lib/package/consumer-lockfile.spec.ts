import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { consumerFiles, type PackedForLockfile } from './consumer-lockfile.js';

const monorepo = `lockfileVersion: '9.0'

settings:
  autoInstallPeers: true
  excludeLinksFromLockfile: false

importers:

  .:
    devDependencies:
      typescript:
        specifier: 'catalog:'
        version: 6.0.3

  packages/controller:
    dependencies:
      '@alphaswarm/core':
        specifier: workspace:*
        version: link:../core
      fastify:
        specifier: 'catalog:'
        version: 5.12.8

  packages/core:
    dependencies:
      zod:
        specifier: 'catalog:'
        version: 4.6.7

packages:

  fastify@5.12.8:
    resolution: {integrity: sha512-f}

  typescript@6.0.3:
    resolution: {integrity: sha512-t}

  zod@4.6.7:
    resolution: {integrity: sha512-z}

snapshots:

  fastify@5.12.8: {}

  typescript@6.0.3: {}

  zod@4.6.7: {}
`;
const packed: PackedForLockfile[] = [
  {
    name: '@alphaswarm/core',
    version: '0.1.0',
    tarball: 'tarballs/core.tgz',
    integrity: 'sha512-c',
    importer: 'packages/core',
    dependencies: ['zod'],
    hasBin: false,
  },
  {
    name: '@alphaswarm/controller',
    version: '0.1.0',
    tarball: 'tarballs/controller.tgz',
    integrity: 'sha512-k',
    importer: 'packages/controller',
    dependencies: ['@alphaswarm/core', 'fastify'],
    hasBin: true,
  },
];

describe('consumerFiles', () => {
  const { manifest, lockfile } = consumerFiles(monorepo, packed, { install: ['@alphaswarm/controller'], tools: ['typescript'] });
  const lock = parse(lockfile) as Record<string, Record<string, unknown>>;

  it('installs the tarball by file:, overrides its workspace dependencies to their tarballs, and adds the tools at the root’s versions', () => {
    expect(JSON.parse(manifest)).toEqual({
      name: 'split-gate-consumer',
      private: true,
      type: 'module',
      dependencies: { '@alphaswarm/controller': 'file:tarballs/controller.tgz' },
      devDependencies: { typescript: '6.0.3' },
      pnpm: { overrides: { '@alphaswarm/core': 'file:tarballs/core.tgz' } },
    });
    expect([lock['overrides'], lock['importers']]).toEqual([
      { '@alphaswarm/core': 'file:tarballs/core.tgz' },
      {
        '.': {
          dependencies: {
            '@alphaswarm/controller': { specifier: 'file:tarballs/controller.tgz', version: 'file:tarballs/controller.tgz' },
          },
          devDependencies: { typescript: { specifier: '6.0.3', version: '6.0.3' } },
        },
      },
    ]);
  });

  it('resolves every third-party dependency at the version the monorepo locked', () => {
    expect([
      lock['packages']?.['@alphaswarm/controller@file:tarballs/controller.tgz'],
      lock['snapshots']?.['@alphaswarm/controller@file:tarballs/controller.tgz'],
      lock['snapshots']?.['@alphaswarm/core@file:tarballs/core.tgz'],
    ]).toEqual([
      { resolution: { integrity: 'sha512-k', tarball: 'file:tarballs/controller.tgz' }, version: '0.1.0', hasBin: true },
      { dependencies: { '@alphaswarm/core': 'file:tarballs/core.tgz', fastify: '5.12.8' } },
      { dependencies: { zod: '4.6.7' } },
    ]);
  });

  it('refuses a dependency the monorepo lockfile does not resolve, naming the fix', () => {
    expect(() =>
      consumerFiles(monorepo, [{ ...(packed[0] as PackedForLockfile), dependencies: ['left-pad'] }], {
        install: ['@alphaswarm/core'],
        tools: [],
      }),
    ).toThrow(
      'ASW-1217 packages/core/package.json declares left-pad, but pnpm-lock.yaml resolves no version of it: run `pnpm install` and commit pnpm-lock.yaml',
    );
  });
});

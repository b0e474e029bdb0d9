import { describe, expect, it } from 'vitest';
import { explainInstallFailure } from './explain-install-failure.js';

describe('explainInstallFailure', () => {
  it.each([
    ['ERR_PNPM_NO_OFFLINE_META  Failed to resolve browserslist@4.29.6 in package mirror', 'the local pnpm store lacks a package'],
    ['ERR_PNPM_NO_OFFLINE_TARBALL  A package is missing from the store', 'the local pnpm store lacks a package'],
    ['ERR_PNPM_OUTDATED_LOCKFILE  Cannot install with "frozen-lockfile"', 'pnpm-lock.yaml does not match the manifests'],
    ['ERR_PNPM_WORKSPACE_PKG_NOT_FOUND  In packages/rl: "@alphaswarm/monolith-primitives@workspace:*"', 'depends on a workspace package'],
  ])('explains %s', (output, expected) => {
    expect(explainInstallFailure(output)).toContain(expected);
  });

  it('says nothing it does not know', () => {
    expect(explainInstallFailure('ERR_PNPM_SOMETHING_ELSE')).toBeUndefined();
  });
});

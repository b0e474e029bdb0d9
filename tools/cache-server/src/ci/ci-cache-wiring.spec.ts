import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cacheScopeFor, CI_CACHE_WIRING } from './ci-cache-wiring.js';

describe('cacheScopeFor', () => {
  it.each([
    [{ event: 'push', ref: 'refs/heads/main', defaultBranch: 'main' }, 'read-write'],
    [{ event: 'push', ref: 'refs/heads/trunk', defaultBranch: 'trunk' }, 'read-write'],
    [{ event: 'push', ref: 'refs/heads/feature', defaultBranch: 'main' }, 'read'],
    [{ event: 'push', ref: 'refs/heads/main-backup', defaultBranch: 'main' }, 'read'],
    [{ event: 'push', ref: 'refs/tags/v1.0.0', defaultBranch: 'main' }, 'read'],
    [{ event: 'pull_request', ref: 'refs/pull/12/merge', defaultBranch: 'main' }, 'read'],
    [{ event: 'pull_request_target', ref: 'refs/heads/main', defaultBranch: 'main' }, 'read'],
    [{ event: 'merge_group', ref: 'refs/heads/gh-readonly-queue/main/pr-12', defaultBranch: 'main' }, 'read'],
    [{ event: 'workflow_dispatch', ref: 'refs/heads/main', defaultBranch: 'main' }, 'read'],
    [{ event: 'schedule', ref: 'refs/heads/main', defaultBranch: 'main' }, 'read'],
  ])('%j -> %s', (trigger, scope) => {
    expect(cacheScopeFor(trigger)).toBe(scope);
  });
});

describe('the README', () => {
  it('names every variable and secret the workflow uses, as CI_CACHE_WIRING does', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    for (const name of Object.values(CI_CACHE_WIRING)) expect(readme).toContain(`\`${name}\``);
  });
});

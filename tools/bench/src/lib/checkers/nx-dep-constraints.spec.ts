import { loadPolicy } from '@alphaswarm/policy';
import { describe, expect, it } from 'vitest';
import { repositoryRoot } from '../repository-paths.js';
import { nxDepConstraints } from './nx-dep-constraints.js';

const constraints = nxDepConstraints(loadPolicy(repositoryRoot));

describe('nxDepConstraints', () => {
  it.each([
    ['domain:core', ['domain:core']],
    ['domain:controller', ['domain:controller', 'domain:core']],
    ['domain:bots', ['domain:bots', 'domain:core', 'domain:monolith']],
    ['domain:monolith', ['domain:monolith', 'domain:core']],
    ['type:runtime', ['type:contract', 'type:primitives', 'type:runtime']],
    ['type:app', ['type:ui']],
  ])('%s may depend on %j', (tag, allowed) => {
    expect(constraints.find((constraint) => constraint.sourceTag === tag)?.onlyDependOnLibsWithTags).toEqual(allowed);
  });

  it('writes a multi-tag domain with allSourceTags, and bans core’s packages', () => {
    expect(constraints.find((constraint) => constraint.allSourceTags !== undefined)).toEqual({
      allSourceTags: ['domain:monolith', 'type:primitives'],
      onlyDependOnLibsWithTags: ['domain:monolith', 'domain:core'],
    });
    expect(constraints.find((constraint) => constraint.sourceTag === 'domain:core')?.bannedExternalImports).toContain('express');
  });
});

import { describe, expect, it } from 'vitest';
import { rootInputsOf } from './root-inputs.js';

describe('rootInputsOf', () => {
  it('collects {workspaceRoot} globs through named inputs and filesets, once each', () => {
    const named = {
      default: ['{projectRoot}/**/*', 'sharedGlobals'],
      sharedGlobals: ['{workspaceRoot}/tsconfig.base.json'],
      policy: ['{workspaceRoot}/tools/policy/policy.json', '{workspaceRoot}/eslint.config.mjs'],
      loop: ['loop', '{workspaceRoot}/x.json'],
    };
    const targets = {
      build: { inputs: ['default', '^production'] },
      lint: { inputs: ['default', 'policy', { externalDependencies: ['eslint'] }] },
      check: { inputs: [{ fileset: '{workspaceRoot}/packages/**/*.ts' }, 'loop', '!{workspaceRoot}/ignored.json'] },
      serve: {},
    };
    expect(rootInputsOf(targets, named)).toEqual([
      'eslint.config.mjs',
      'packages/**/*.ts',
      'tools/policy/policy.json',
      'tsconfig.base.json',
      'x.json',
    ]);
  });
});

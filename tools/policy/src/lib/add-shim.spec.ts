import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addShim, nextShimCode } from './add-shim.js';
import { isDependencyAllowed } from './dependency-rules.js';
import { loadPolicy } from './parse-policy.js';

const policy = loadPolicy(join(import.meta.dirname, '../../../..'));
const reward = {
  id: 'probe-reward',
  domain: 'monolith',
  file: 'packages/monolith/src/probe-reward/index.ts',
  subpath: './probe-reward',
  target: '@alphaswarm/rl/probe-reward',
  targetDomain: 'rl',
  legacy: '@alphaswarm/monolith/probe-reward',
};

describe('nextShimCode', () => {
  it.each([
    [[], 'ASWDEP001'],
    [['ASWDEP001', 'ASWDEP004'], 'ASWDEP005'],
    [['ASWDEP009', 'ASWDEP002'], 'ASWDEP010'],
  ])('after %j is %s', (codes, expected) => {
    expect(nextShimCode({ shims: codes.map((code) => ({ ...reward, code })) })).toBe(expected);
  });

  it('refuses when the codes run out', () => {
    expect(() => nextShimCode({ shims: [{ ...reward, code: 'ASWDEP999' }] })).toThrow(/^ASW-015 /);
  });
});

describe('addShim', () => {
  it('registers the shim under the next free code, which grants its file the import', () => {
    const { policy: next, shim } = addShim(policy, reward);
    expect(shim).toEqual({ ...reward, code: nextShimCode(policy) });
    expect(next.shims.at(-1)).toEqual(shim);
    expect(isDependencyAllowed(next, 'monolith', 'rl', reward.file)).toEqual({ allowed: true, via: 'shim' });
    expect(policy.shims.map((existing) => existing.id)).not.toContain('probe-reward');
  });

  it.each([
    ['id', { id: 'rl' }],
    ['file', { file: 'packages/monolith/src/rl/index.ts' }],
    ['subpath', { subpath: './rl' }],
  ])('refuses a reused %s', (_, change) => {
    expect(() => addShim(policy, { ...reward, ...change })).toThrow(/^ASW-016 shim .* clashes with shim "rl"/);
  });

  it('keeps compatibility bindings of one entry apart from each other and from the shim modules', () => {
    const binding = {
      id: 'probe-progress',
      domain: 'monolith-primitives',
      file: 'packages/monolith-primitives/src/lib/probe-progress.ts',
      subpath: '.',
      target: '@alphaswarm/core',
      targetDomain: 'core',
      legacy: "import { probeProgress } from '@alphaswarm/monolith-primitives'",
      bindings: ['probeProgress'],
      entry: 'packages/monolith-primitives/src/index.ts',
    };
    const { policy: once } = addShim(policy, binding);
    const { policy: twice, shim } = addShim(once, {
      ...binding,
      id: 'probe-clock',
      file: 'packages/monolith-primitives/src/lib/probe-clock.ts',
      bindings: ['probeClock'],
    });
    expect(twice.shims.slice(-2).map((added) => [added.id, added.subpath, added.bindings])).toEqual([
      ['probe-progress', '.', ['probeProgress']],
      ['probe-clock', '.', ['probeClock']],
    ]);
    expect(shim.code).toBe(nextShimCode(once));
    expect(() => addShim(once, { ...binding, id: 'probe-again', file: 'packages/monolith-primitives/src/lib/again.ts' })).toThrow(
      /^ASW-016 shim "probe-again" .* clashes with shim "probe-progress"/,
    );
  });

  it.each([
    ['bindings without an entry', { bindings: ['probe'] }, 'needs both "bindings" and "entry"'],
    ['a shim module at the package entry', { subpath: '.' }, 'is a shim module at ".", the package entry'],
  ])('refuses %s', (_, change, problem) => {
    expect(() => addShim(policy, { ...reward, ...change })).toThrow(problem);
  });

  it('refuses a shim of an unknown domain', () => {
    expect(() => addShim(policy, { ...reward, targetDomain: 'ghost' })).toThrow(/ASW-002 .*targets unknown domain "ghost"/s);
  });
});

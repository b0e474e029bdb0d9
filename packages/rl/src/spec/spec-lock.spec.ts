import { describe, expect, it } from 'vitest';
import type { RLExperimentSpec } from './rl-experiment-spec.js';
import { lockSpec, specLock, verifySpecLock } from './spec-lock.js';

export const sampleSpec: RLExperimentSpec = {
  apiVersion: 'alphaswarm.rl/v1',
  name: 'sample',
  description: 'A sample experiment.',
  seed: 1,
  environment: { component: 'synthetic-portfolio', params: { assets: 2 } },
  policy: { backbone: 'random-weights', params: {} },
  advantage: { estimator: 'gae', gamma: 0.9, lambda: 0.8 },
  rollout: { episodes: 2, horizon: 3 },
  trajectories: { table: 'rl.trajectories' },
};

describe('specLock', () => {
  it('is the SHA-256 of the canonical JSON, whatever the key order', () => {
    const reordered = Object.fromEntries(Object.entries(sampleSpec).reverse()) as RLExperimentSpec;
    expect(specLock(reordered)).toBe(specLock(sampleSpec));
    expect(specLock(sampleSpec)).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('changes with any value of the spec', () => {
    expect(specLock({ ...sampleSpec, seed: 2 })).not.toBe(specLock(sampleSpec));
  });
});

describe('verifySpecLock', () => {
  it('returns a spec that matches its lock', () => {
    const locked = lockSpec(sampleSpec);
    expect(verifySpecLock(locked)).toBe(locked);
  });

  it('refuses a changed spec and shows both hashes', () => {
    const locked = lockSpec(sampleSpec);
    const changed = { ...locked, spec: { ...sampleSpec, rollout: { episodes: 3, horizon: 3 } } };
    expect(() => verifySpecLock(changed)).toThrow(
      `ASW-301 experiment "sample": the spec does not match its lock (locked ${locked.lock}, spec hashes to ${specLock(changed.spec)})`,
    );
  });
});

import { describe, expect, it } from 'vitest';
import { gaeEstimator, monteCarloEstimator } from './advantage-estimators.js';

const rollout = { rewards: [1, 0, 2], values: [0.5, 0.25, 1], bootstrapValue: 4 };

describe('advantage estimators', () => {
  it('monte-carlo: discounted return minus value, bootstrapped at the end', () => {
    const { returns, advantages } = monteCarloEstimator.estimate(rollout, { gamma: 0.5, lambda: 1 });
    expect(returns).toEqual([2, 2, 4]);
    expect(advantages).toEqual([1.5, 1.75, 3]);
  });

  it('gae with lambda 0 is the one-step TD residual', () => {
    expect(gaeEstimator.estimate(rollout, { gamma: 0.5, lambda: 0 }).advantages).toEqual([
      1 + 0.5 * 0.25 - 0.5,
      0 + 0.5 * 1 - 0.25,
      2 + 0.5 * 4 - 1,
    ]);
  });

  it('gae with lambda 1 equals monte-carlo', () => {
    const gae = gaeEstimator.estimate(rollout, { gamma: 0.5, lambda: 1 });
    const mc = monteCarloEstimator.estimate(rollout, { gamma: 0.5, lambda: 1 });
    gae.advantages.forEach((value, t) => expect(value).toBeCloseTo(mc.advantages[t] ?? Number.NaN, 12));
    gae.returns.forEach((value, t) => expect(value).toBeCloseTo(mc.returns[t] ?? Number.NaN, 12));
  });
});

import type { AdvantageEstimate, AdvantageEstimator, Rollout } from './rl-components.js';

/** Generalised advantage estimation (Schulman et al., 2016): exponentially weighted TD residuals. */
export const gaeEstimator: AdvantageEstimator = {
  estimate({ rewards, values, bootstrapValue }: Rollout, { gamma, lambda }): AdvantageEstimate {
    const advantages = new Array<number>(rewards.length);
    let running = 0;
    for (let t = rewards.length - 1; t >= 0; t -= 1) {
      const next = t + 1 < rewards.length ? (values[t + 1] ?? 0) : bootstrapValue;
      const delta = (rewards[t] ?? 0) + gamma * next - (values[t] ?? 0);
      running = delta + gamma * lambda * running;
      advantages[t] = running;
    }
    return { advantages, returns: advantages.map((advantage, t) => advantage + (values[t] ?? 0)) };
  },
};

/** Monte-Carlo advantages: the discounted return from each step minus the state's value. */
export const monteCarloEstimator: AdvantageEstimator = {
  estimate({ rewards, values, bootstrapValue }: Rollout, { gamma }): AdvantageEstimate {
    const returns = new Array<number>(rewards.length);
    let running = bootstrapValue;
    for (let t = rewards.length - 1; t >= 0; t -= 1) {
      running = (rewards[t] ?? 0) + gamma * running;
      returns[t] = running;
    }
    return { advantages: returns.map((value, t) => value - (values[t] ?? 0)), returns };
  },
};

/** The estimators the RL subsystem ships, by registered name. */
export const builtinEstimators: Readonly<Record<string, AdvantageEstimator>> = Object.freeze({
  gae: gaeEstimator,
  'monte-carlo': monteCarloEstimator,
});

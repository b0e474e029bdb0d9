import { seededRandom } from '../internal/seeded-random.js';
import type { Action, Observation, PolicyBackbone, RLEnvironment } from './rl-components.js';

const numberParam = (params: Readonly<Record<string, unknown>>, name: string, fallback: number): number => {
  const value = params[name] ?? fallback;
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new TypeError(`${name} must be a number, got ${String(value)}`);
  return value;
};

/**
 * A weight-centric portfolio environment over seeded synthetic returns: the action is target
 * weights per asset, the observation is the last period's asset returns, and the reward is the
 * portfolio return minus a proportional turnover cost. Params: `assets`, `drift`, `volatility`,
 * `cost`.
 */
export function syntheticPortfolioEnvironment(params: Readonly<Record<string, unknown>>): RLEnvironment {
  const assets = numberParam(params, 'assets', 3);
  const drift = numberParam(params, 'drift', 0.0005);
  const volatility = numberParam(params, 'volatility', 0.01);
  const cost = numberParam(params, 'cost', 0.001);
  if (!Number.isInteger(assets) || assets < 1) throw new RangeError(`assets must be a positive integer, got ${assets}`);
  let random = seededRandom(0);
  let weights: number[] = [];
  let last: number[] = [];
  const draw = () => Array.from({ length: assets }, () => drift + volatility * (random() * 2 - 1) * Math.sqrt(3));
  return {
    reset(seed: number): Observation {
      random = seededRandom(seed);
      weights = new Array<number>(assets).fill(0);
      last = draw();
      return last;
    },
    step(action: Action) {
      if (action.length !== assets) throw new RangeError(`action has ${action.length} weights for ${assets} assets`);
      const turnover = action.reduce((sum, weight, i) => sum + Math.abs(weight - (weights[i] ?? 0)), 0);
      const returns = draw();
      const reward = action.reduce((sum, weight, i) => sum + weight * (returns[i] ?? 0), 0) - cost * turnover;
      weights = [...action];
      last = returns;
      return { observation: last, reward, done: false };
    },
  };
}

/** A long-only policy that draws random weights summing to one, with a zero value baseline. */
export function randomWeightsBackbone(): PolicyBackbone {
  return {
    act(observation: Observation, random: () => number): Action {
      const draws = observation.map(() => -Math.log(1 - random()));
      const total = draws.reduce((sum, draw) => sum + draw, 0);
      return draws.map((draw) => draw / total);
    },
    value: () => 0,
  };
}

import { registry } from '@alphaswarm/monolith-primitives';
import { builtinEstimators } from './advantage-estimators.js';
import { registerRLComponent, rlComponentKey } from './register-rl-component.js';
import { randomWeightsBackbone, syntheticPortfolioEnvironment } from './synthetic-portfolio.js';

/**
 * Register the components the RL subsystem ships, unless already registered: estimators `gae`
 * and `monte-carlo`, environment `synthetic-portfolio`, backbone `random-weights`.
 */
export function registerBuiltinRLComponents(): void {
  const register = <K extends 'environment' | 'backbone' | 'estimator'>(
    kind: K,
    name: string,
    factory: Parameters<typeof registerRLComponent<K>>[2],
  ) => {
    if (!registry.has(rlComponentKey(kind, name))) registerRLComponent(kind, name, factory);
  };
  for (const [name, estimator] of Object.entries(builtinEstimators)) register('estimator', name, () => estimator);
  register('environment', 'synthetic-portfolio', syntheticPortfolioEnvironment);
  register('backbone', 'random-weights', randomWeightsBackbone);
}

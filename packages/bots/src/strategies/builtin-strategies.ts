import { register, registeredNames } from '@alphaswarm/monolith';
import type { ComponentFactory } from '@alphaswarm/monolith-primitives';
import { strategyKind, type BotStrategy, type MarketSnapshot } from './bot-strategy.js';

const lookbackOf = (params: Readonly<Record<string, unknown>>, fallback: number) => {
  const value = params.lookback ?? fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 2)
    throw new RangeError(`lookback must be an integer >= 2, got ${String(value)}`);
  return value;
};
const recent = (market: MarketSnapshot, instrument: string, lookback: number) => (market.closes[instrument] ?? []).slice(-lookback);
const normalise = (scores: readonly [string, number][], gross: number) => {
  const total = scores.reduce((sum, [, score]) => sum + Math.abs(score), 0);
  return Object.fromEntries(scores.map(([instrument, score]) => [instrument, total === 0 ? 0 : (gross * score) / total]));
};
const grossOf = (params: Readonly<Record<string, unknown>>) => (typeof params.gross === 'number' ? params.gross : 1);

/** Equal weights over the universe, scaled to `gross` (default 1). */
export const equalWeight: ComponentFactory<BotStrategy> = (params) => ({
  targetWeights: (_, universe) => Object.fromEntries(universe.map((instrument) => [instrument, grossOf(params) / universe.length])),
});

/** Long the instruments whose price rose over `lookback` closes, in proportion to the rise. */
export const momentum: ComponentFactory<BotStrategy> = (params) => {
  const lookback = lookbackOf(params, 20);
  return {
    targetWeights: (market, universe) =>
      normalise(
        universe.map((instrument) => {
          const closes = recent(market, instrument, lookback);
          const change = closes.length < 2 ? 0 : (closes.at(-1) ?? 0) / (closes[0] ?? 1) - 1;
          return [instrument, Math.max(0, change)];
        }),
        grossOf(params),
      ),
  };
};

/** Long the instruments trading `entryZ` standard deviations below their `lookback` mean. */
export const meanReversion: ComponentFactory<BotStrategy> = (params) => {
  const lookback = lookbackOf(params, 20);
  const entryZ = typeof params.entryZ === 'number' ? params.entryZ : 1;
  return {
    targetWeights: (market, universe) =>
      normalise(
        universe.map((instrument) => {
          const closes = recent(market, instrument, lookback);
          const mean = closes.reduce((sum, close) => sum + close, 0) / (closes.length || 1);
          const sd = Math.sqrt(closes.reduce((sum, close) => sum + (close - mean) ** 2, 0) / (closes.length || 1));
          const z = sd === 0 ? 0 : ((closes.at(-1) ?? mean) - mean) / sd;
          return [instrument, z <= -entryZ ? -z : 0];
        }),
        grossOf(params),
      ),
  };
};

/** The strategies the bots domain ships, by registered name. */
export const builtinStrategies: Readonly<Record<string, ComponentFactory<BotStrategy>>> = Object.freeze({
  'equal-weight': equalWeight,
  'mean-reversion': meanReversion,
  momentum,
});

/** Register the built-in strategies in the central registry, unless already registered. */
export function registerBuiltinStrategies(): void {
  const known = registeredNames(strategyKind);
  for (const [name, factory] of Object.entries(builtinStrategies)) {
    if (!known.includes(name)) register({ kind: strategyKind, name }, factory);
  }
}

import type { Weights } from '@alphaswarm/monolith-primitives';

/** Closing prices per instrument, oldest first, as a bot step sees the market. */
export interface MarketSnapshot {
  readonly asOf: Date;
  readonly closes: Readonly<Record<string, readonly number[]>>;
}

/** A trading strategy: target portfolio weights for the bot's universe from the market. */
export interface BotStrategy {
  targetWeights(market: MarketSnapshot, universe: readonly string[]): Weights;
}

/** The central-registry kind strategies are registered under. */
export const strategyKind = 'bots.strategy';

import type { RiskLimits, RiskViolation, Weights } from './risk-limits.js';

/** One order the rebalance asks for, as a change of weight. */
export interface WeightTrade {
  readonly instrument: string;
  readonly delta: number;
}

export type RebalancePlan =
  | { readonly ok: true; readonly trades: readonly WeightTrade[]; readonly turnover: number }
  | { readonly ok: false; readonly violations: readonly RiskViolation[] };

/**
 * `TargetWeightsRebalancer`: turn target weights into the trades that reach them, skipping trades
 * smaller than `minTrade` and refusing targets that break the risk limits.
 */
export class TargetWeightsRebalancer {
  constructor(
    private readonly limits: RiskLimits,
    private readonly minTrade = 0,
  ) {}

  plan(current: Weights, target: Weights): RebalancePlan {
    const violations = this.limits.check(target);
    if (violations.length > 0) return { ok: false, violations };
    const instruments = [...new Set([...Object.keys(current), ...Object.keys(target)])].sort();
    const trades = instruments
      .map((instrument) => ({ instrument, delta: (target[instrument] ?? 0) - (current[instrument] ?? 0) }))
      .filter((trade) => Math.abs(trade.delta) > this.minTrade);
    const turnover = trades.reduce((sum, trade) => sum + Math.abs(trade.delta), 0);
    return { ok: true, trades, turnover };
  }
}

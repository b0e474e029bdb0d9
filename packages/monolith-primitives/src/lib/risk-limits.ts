/** Portfolio weights by instrument, as fractions of equity (negative = short). */
export type Weights = Readonly<Record<string, number>>;

export interface RiskLimitsConfig {
  /** Largest absolute weight of one instrument. */
  readonly maxPositionWeight: number;
  /** Largest sum of absolute weights. */
  readonly maxGrossExposure: number;
  /** Largest absolute sum of weights. */
  readonly maxNetExposure: number;
}

export interface RiskViolation {
  readonly limit: keyof RiskLimitsConfig;
  readonly instrument?: string;
  readonly value: number;
  readonly max: number;
}

/** `RiskLimits`: position and exposure limits a portfolio must satisfy. */
export class RiskLimits {
  constructor(readonly config: RiskLimitsConfig) {
    for (const [key, value] of Object.entries(config)) {
      if (!(value > 0)) throw new RangeError(`RiskLimits: ${key} must be positive, got ${value}`);
    }
  }

  check(weights: Weights): RiskViolation[] {
    const { maxPositionWeight, maxGrossExposure, maxNetExposure } = this.config;
    const violations: RiskViolation[] = Object.entries(weights)
      .filter(([, weight]) => Math.abs(weight) > maxPositionWeight)
      .map(([instrument, weight]) => ({ limit: 'maxPositionWeight', instrument, value: Math.abs(weight), max: maxPositionWeight }));
    const values = Object.values(weights);
    const gross = values.reduce((sum, weight) => sum + Math.abs(weight), 0);
    const net = Math.abs(values.reduce((sum, weight) => sum + weight, 0));
    if (gross > maxGrossExposure) violations.push({ limit: 'maxGrossExposure', value: gross, max: maxGrossExposure });
    if (net > maxNetExposure) violations.push({ limit: 'maxNetExposure', value: net, max: maxNetExposure });
    return violations;
  }
}

import { describe, expect, it } from 'vitest';
import * as primitives from './index.js';

describe('@alphaswarm/monolith-primitives', () => {
  it("exports exactly the seed's shared runtime primitives", () => {
    expect(Object.keys(primitives).sort()).toEqual([
      'LedgerWriter',
      'MetadataCache',
      'RequestContext',
      'RiskLimits',
      'TargetWeightsRebalancer',
      'appendArrow',
      // The registry primitive: the central registry, and a fresh one for a caller that must not share it.
      'createRegistry',
      'progress',
      'registry',
      'routerComplete',
    ]);
  });
});

import type { BotSpecV1 } from '@alphaswarm/core';
import { describe, expect, it } from 'vitest';
import { botSpecDigest } from './bot-spec-digest.js';

const spec: BotSpecV1 = {
  apiVersion: 'alphaswarm.bots/v1',
  name: 'digest-probe',
  version: '0.1.0',
  description: 'd',
  strategy: { kind: 'equal-weight', params: {} },
  universe: ['BTC-USD'],
  rebalance: 'daily',
  risk: { maxPositionWeight: 1, maxGrossExposure: 1, maxNetExposure: 1 },
  modes: ['backtest'],
};

describe('botSpecDigest', () => {
  it('addresses the content, not the key order', () => {
    const reordered = Object.fromEntries(Object.entries(spec).reverse()) as BotSpecV1;
    expect(botSpecDigest(reordered)).toBe(botSpecDigest(spec));
    expect(botSpecDigest(spec)).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('changes with any field', () => {
    expect(botSpecDigest({ ...spec, universe: ['ETH-USD'] })).not.toBe(botSpecDigest(spec));
  });
});

import { describe, expect, it } from 'vitest';
import { BotSpecV1Schema, type BotSpecV1 } from './bot-spec.js';
import { wireModelJsonSchema } from './wire-json-schema.js';
import { describeWireModel } from './wire-model.js';

const valid: BotSpecV1 = {
  apiVersion: 'alphaswarm.bots/v1',
  name: 'mean-reversion',
  version: '1.0.0',
  description: 'Buys dips and sells rips on liquid pairs.',
  strategy: { kind: 'mean-reversion', params: { lookback: 20, entryZ: 2 } },
  universe: ['BTC-USD', 'ETH-USD'],
  rebalance: 'daily',
  risk: { maxPositionWeight: 0.5, maxGrossExposure: 1, maxNetExposure: 1 },
  modes: ['backtest', 'paper'],
};

const issuePaths = (value: unknown) => (BotSpecV1Schema.safeParse(value).error?.issues ?? []).map((issue) => issue.path.join('.'));

describe('BotSpecV1Schema', () => {
  it('accepts a complete spec unchanged', () => {
    expect(BotSpecV1Schema.parse(valid)).toEqual(valid);
  });

  it.each([
    ['apiVersion', { ...valid, apiVersion: 'alphaswarm.bots/v2' }],
    ['name', { ...valid, name: 'Mean Reversion' }],
    ['version', { ...valid, version: '1.0' }],
    ['strategy.kind', { ...valid, strategy: { kind: 'Mean', params: {} } }],
    ['universe', { ...valid, universe: ['BTC-USD', 'BTC-USD'] }],
    ['universe.0', { ...valid, universe: ['btc'] }],
    ['risk.maxPositionWeight', { ...valid, risk: { ...valid.risk, maxPositionWeight: 1.5 } }],
    ['modes', { ...valid, modes: [] }],
    ['', { ...valid, extra: true }],
  ])('reports %s when it is wrong', (path, spec) => {
    expect(issuePaths(spec)).toEqual([path]);
  });

  it('is a wire model with a JSON Schema', () => {
    expect(describeWireModel(BotSpecV1Schema)).toMatchObject({ name: 'BotSpec', version: 1 });
    expect(wireModelJsonSchema(describeWireModel(BotSpecV1Schema))).toMatchObject({
      $defs: { BotSpec: { type: 'object', additionalProperties: false } },
    });
  });
});

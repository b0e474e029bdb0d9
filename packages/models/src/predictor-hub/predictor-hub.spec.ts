import { createRegistry, registry } from '@alphaswarm/monolith-primitives';
import { beforeEach, describe, expect, it } from 'vitest';
import { createPredictorHub, type PredictorHub, type FeatureRow, type Predictor } from './predictor-hub.js';

const linear = (options: Readonly<Record<string, unknown>>): Predictor => {
  const weight = typeof options.weight === 'number' ? options.weight : 1;
  return {
    name: 'linear-momentum',
    version: '1.0.0',
    features: ['momentum'],
    predict: async (rows) => rows.map((row) => weight * (row.momentum ?? 0)),
  };
};

describe('PredictorHub', () => {
  // A registry of its own per test: the tests run in any order (`--sequence.shuffle`).
  let hub: PredictorHub;
  beforeEach(() => {
    hub = createPredictorHub({ registry: createRegistry() });
    hub.register('linear-momentum', linear);
  });

  it('loads a registered predictor with its options and scores rows', async () => {
    expect(hub.names()).toEqual(['linear-momentum']);
    await expect(hub.predict('linear-momentum', [{ momentum: 0.5 }, { momentum: -1 }], { weight: 2 })).resolves.toEqual([1, -2]);
  });

  it('refuses a second registration of the same name', () => {
    expect(() => hub.register('linear-momentum', linear)).toThrow('models.predictor/linear-momentum is already registered');
  });

  it.each([
    [
      'an unknown predictor',
      'gbm',
      [{ momentum: 1 }],
      'ASW-401 predictor "gbm" is not registered in the Predictor Hub (registered: linear-momentum).',
    ],
    [
      'a row without a feature',
      'linear-momentum',
      [{ momentum: 1 }, { value: 2 }],
      'ASW-401 predictor "linear-momentum": row 1 lacks feature(s) momentum.',
    ],
  ] as [string, string, FeatureRow[], string][])('refuses %s', async (_, name, rows, message) => {
    await expect(hub.predict(name, rows)).rejects.toThrow(message);
  });

  it('refuses a predictor that returns the wrong number of scores', async () => {
    hub.register('broken', () => ({ name: 'broken', version: '0.1.0', features: [], predict: async () => [1] }));
    await expect(hub.predict('broken', [{}, {}])).rejects.toThrow('predictor "broken@0.1.0" returned 1 score(s) for 2 row(s).');
  });

  it('registers in the central registry when given none', () => {
    const central = createPredictorHub();
    central.register('central-only', linear);
    try {
      expect(registry.has({ kind: 'models.predictor', name: 'central-only' })).toBe(true);
      expect(hub.names()).toEqual(['linear-momentum']);
    } finally {
      registry.unregister({ kind: 'models.predictor', name: 'central-only' });
    }
  });
});

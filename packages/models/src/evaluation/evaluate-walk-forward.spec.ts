import { progress, type ProgressEvent } from '@alphaswarm/monolith-primitives';
import { describe, expect, it } from 'vitest';
import { evaluateWalkForward, type Metrics } from './evaluate-walk-forward.js';

const series = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;

describe('evaluateWalkForward', () => {
  it('fits on each training window, scores the test window after it and averages the scores', async () => {
    const fitted: number[][] = [];
    const events: ProgressEvent[] = [];
    const stop = progress.subscribe((event) => events.push(event));
    const report = await evaluateWalkForward({
      job: 'models/mean-forecast',
      windows: { length: series.length, trainSize: 4, testSize: 3 },
      fit: async ({ start, end }) => {
        fitted.push([start, end]);
        return mean(series.slice(start, end));
      },
      score: async (forecast, { start, end }) => ({ mae: mean(series.slice(start, end).map((value) => Math.abs(value - forecast))) }),
    });
    stop();
    expect(fitted).toEqual([
      [0, 4],
      [3, 7],
    ]);
    expect(report.folds.map((fold) => fold.metrics)).toEqual([{ mae: 3.5 }, { mae: 3.5 }]);
    expect(report.mean).toEqual({ mae: 3.5 });
    expect(events.map((event) => [event.job, event.fraction])).toEqual([
      ['models/mean-forecast', 0.5],
      ['models/mean-forecast', 1],
    ]);
  });

  it('refuses folds that disagree on their metrics', async () => {
    await expect(
      evaluateWalkForward({
        job: 'models/flaky',
        windows: { length: 6, trainSize: 2, testSize: 2 },
        fit: async () => 0,
        score: async (_, __, fold): Promise<Metrics> => (fold === 0 ? { ic: 0.1 } : { sharpe: 1 }),
      }),
    ).rejects.toThrow('ASW-405 models/flaky: fold 1 scored {sharpe} but every fold must report finite {ic}.');
  });

  it('refuses a series too short for one fold', async () => {
    await expect(
      evaluateWalkForward({
        job: 'models/short',
        windows: { length: 3, trainSize: 4, testSize: 1 },
        fit: async () => 0,
        score: async () => ({ ic: 0 }),
      }),
    ).rejects.toThrow('ASW-405 models/short: a series of 3 gives no fold of 4 + 1');
  });
});

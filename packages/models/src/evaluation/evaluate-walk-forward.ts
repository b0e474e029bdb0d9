import { progress } from '@alphaswarm/monolith-primitives';
import { ModelsError } from '../models-error.js';
import { walkForwardWindows, type WalkForwardOptions, type WalkForwardWindow } from './walk-forward.js';

/** Named scores of one test window, e.g. `{ ic: 0.04, sharpe: 1.2 }`. */
export type Metrics = Readonly<Record<string, number>>;

/** A walk-forward evaluation: how to fit on a training window and score on the test window after it. */
export interface WalkForwardEvaluation<TModel> {
  /** Job name for progress reports, e.g. `models/alpha-gbm`. */
  readonly job: string;
  readonly windows: WalkForwardOptions;
  fit(train: WalkForwardWindow['train'], fold: number): Promise<TModel>;
  score(model: TModel, test: WalkForwardWindow['test'], fold: number): Promise<Metrics>;
}

/** One fold's windows and scores. */
export interface WalkForwardFoldResult extends WalkForwardWindow {
  readonly metrics: Metrics;
}

/** Every fold's scores and their mean. */
export interface WalkForwardReport {
  readonly job: string;
  readonly folds: readonly WalkForwardFoldResult[];
  readonly mean: Metrics;
}

/**
 * Run a walk-forward evaluation: fit strictly on the past, score on the window after it, fold by
 * fold, reporting progress. Every fold must report the same metric names.
 *
 * @throws ModelsError ASW-405 when there are no folds or the folds disagree on the metric names.
 */
export async function evaluateWalkForward<TModel>(evaluation: WalkForwardEvaluation<TModel>): Promise<WalkForwardReport> {
  const windows = walkForwardWindows(evaluation.windows);
  if (windows.length === 0) {
    throw new ModelsError(
      'ASW-405',
      `${evaluation.job}: a series of ${evaluation.windows.length} gives no fold of ${evaluation.windows.trainSize} + ${evaluation.windows.testSize}; shorten the windows.`,
    );
  }
  const folds: WalkForwardFoldResult[] = [];
  for (const window of windows) {
    const model = await evaluation.fit(window.train, window.fold);
    const metrics = await evaluation.score(model, window.test, window.fold);
    const expected = Object.keys(folds[0]?.metrics ?? metrics)
      .sort()
      .join(', ');
    const names = Object.keys(metrics).sort().join(', ');
    if (names !== expected || names === '' || Object.values(metrics).some((value) => !Number.isFinite(value))) {
      throw new ModelsError(
        'ASW-405',
        `${evaluation.job}: fold ${window.fold} scored {${names}} but every fold must report finite {${expected}}.`,
      );
    }
    folds.push({ ...window, metrics });
    progress.emit({ job: evaluation.job, stage: 'walk-forward', fraction: folds.length / windows.length });
  }
  const mean = Object.fromEntries(
    Object.keys(folds[0]?.metrics ?? {}).map((name) => [
      name,
      folds.reduce((sum, fold) => sum + (fold.metrics[name] ?? 0), 0) / folds.length,
    ]),
  );
  return { job: evaluation.job, folds, mean };
}

/** One fold of a walk-forward evaluation: indices are half-open [start, end). */
export interface WalkForwardWindow {
  readonly fold: number;
  readonly train: { readonly start: number; readonly end: number };
  readonly test: { readonly start: number; readonly end: number };
}

export interface WalkForwardOptions {
  /** Number of observations in the series. */
  readonly length: number;
  readonly trainSize: number;
  readonly testSize: number;
  /** How far each fold moves; defaults to testSize (non-overlapping test windows). */
  readonly step?: number;
  /** Grow the training window from the start instead of sliding it. */
  readonly expanding?: boolean;
}

/** The folds of a walk-forward evaluation: train strictly before test, never overlapping it. */
export function walkForwardWindows(options: WalkForwardOptions): WalkForwardWindow[] {
  const { length, trainSize, testSize, step = testSize, expanding = false } = options;
  for (const [name, value] of Object.entries({ length, trainSize, testSize, step })) {
    if (!Number.isInteger(value) || value <= 0)
      throw new RangeError(`walkForwardWindows: ${name} must be a positive integer, got ${value}`);
  }
  const windows: WalkForwardWindow[] = [];
  for (let trainEnd = trainSize; trainEnd + testSize <= length; trainEnd += step) {
    windows.push({
      fold: windows.length,
      train: { start: expanding ? 0 : trainEnd - trainSize, end: trainEnd },
      test: { start: trainEnd, end: trainEnd + testSize },
    });
  }
  return windows;
}

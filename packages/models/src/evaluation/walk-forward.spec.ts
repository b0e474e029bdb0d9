import { describe, expect, it } from 'vitest';
import { walkForwardWindows } from './walk-forward.js';

describe('walkForwardWindows', () => {
  it('slides fixed train and test windows', () => {
    expect(walkForwardWindows({ length: 10, trainSize: 4, testSize: 2 })).toEqual([
      { fold: 0, train: { start: 0, end: 4 }, test: { start: 4, end: 6 } },
      { fold: 1, train: { start: 2, end: 6 }, test: { start: 6, end: 8 } },
      { fold: 2, train: { start: 4, end: 8 }, test: { start: 8, end: 10 } },
    ]);
  });

  it('expands the training window from the start when asked', () => {
    expect(walkForwardWindows({ length: 8, trainSize: 4, testSize: 2, expanding: true }).map((w) => w.train)).toEqual([
      { start: 0, end: 4 },
      { start: 0, end: 6 },
    ]);
  });

  it('returns no folds when the series is too short', () => {
    expect(walkForwardWindows({ length: 5, trainSize: 4, testSize: 2 })).toEqual([]);
  });

  it.each([
    ['length', 0],
    ['trainSize', -1],
    ['testSize', 1.5],
    ['step', 0],
  ] as const)('refuses %s = %s', (name, value) => {
    expect(() => walkForwardWindows({ length: 10, trainSize: 4, testSize: 2, [name]: value })).toThrow(name);
  });
});

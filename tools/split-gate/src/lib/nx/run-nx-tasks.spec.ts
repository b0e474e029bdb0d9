import { describe, expect, it } from 'vitest';
import { fromCache, parseTaskResults, succeeded } from './run-nx-tasks.js';

describe('parseTaskResults', () => {
  it('reads what the task-results plugin writes', () => {
    const results = parseTaskResults(
      JSON.stringify({
        'core:build': { status: 'local-cache', code: 0 },
        'controller:build': { status: 'failure', code: 1 },
        'client:build': { status: 'skipped', code: 0 },
      }),
    );
    expect([...results].map(([id, result]) => [id, succeeded(result), fromCache(result)])).toEqual([
      ['core:build', true, true],
      ['controller:build', false, false],
      ['client:build', false, false],
    ]);
  });

  it.each([['[]'], ['{"core:build":{"status":"weird","code":0}}'], ['{"core:build":{"status":"success"}}']])(
    'refuses %s, naming the files to update',
    (text) => {
      expect(() => parseTaskResults(text)).toThrow(/ASW-1215 .*update tools\/split-gate\/task-results-plugin\.mjs/);
    },
  );
});

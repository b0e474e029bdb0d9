import { describe, expect, it } from 'vitest';
import { commandsFor } from './run-affected.js';

describe('commandsFor', () => {
  it('runs projects with the same chosen targets in one Nx invocation', () => {
    expect(commandsFor(['rl:lint', 'rl:test', 'models:lint', 'models:test', 'bots:lint'])).toEqual([
      { targets: ['lint'], projects: ['bots'] },
      { targets: ['lint', 'test'], projects: ['models', 'rl'] },
    ]);
  });

  it('has nothing to run for no task', () => {
    expect(commandsFor([])).toEqual([]);
  });
});

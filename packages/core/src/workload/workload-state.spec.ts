import { describe, expect, it } from 'vitest';
import { allowedNextStates, canTransition, isFinalState } from './workload-state.js';

describe('workload lifecycle', () => {
  it.each([
    ['pending', 'running', true],
    ['running', 'stopping', true],
    ['running', 'stopped', true],
    ['stopping', 'stopped', true],
    ['running', 'pending', false],
    ['stopped', 'running', false],
    ['failed', 'running', false],
    ['stopping', 'running', false],
  ] as const)('%s -> %s allowed: %s', (from, to, allowed) => {
    expect(canTransition(from, to)).toBe(allowed);
  });

  it.each([
    ['stopped', true],
    ['failed', true],
    ['running', false],
    ['pending', false],
  ] as const)('%s is final: %s', (state, final) => {
    expect(isFinalState(state)).toBe(final);
  });

  it.each([
    ['pending', ['running', 'stopping', 'stopped', 'failed']],
    ['running', ['stopping', 'stopped', 'failed']],
    ['stopping', ['stopped', 'failed']],
    ['stopped', []],
    ['failed', []],
  ] as const)('%s may move to %j', (state, next) => {
    expect(allowedNextStates(state)).toEqual(next);
  });
});

import { describe, expect, it } from 'vitest';
import { isValidBotName } from './bot-name.js';

describe('isValidBotName', () => {
  it.each([
    ['mean-reversion', true],
    ['b2', true],
    ['a', false],
    ['2fast', false],
    ['Upper', false],
  ])('%s -> %s', (name, expected) => {
    expect(isValidBotName(name)).toBe(expected);
  });
});

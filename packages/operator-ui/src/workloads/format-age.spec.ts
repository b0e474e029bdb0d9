import { describe, expect, it } from 'vitest';
import { formatAge } from './format-age.js';

const now = Date.parse('2026-12-06T12:00:00Z');

describe('formatAge', () => {
  it.each([
    ['2026-12-06T12:00:00Z', '0 s'],
    ['2026-12-06T11:59:18Z', '42 s'],
    ['2026-12-06T11:59:00Z', '1 min'],
    ['2026-12-06T11:05:00Z', '55 min'],
    ['2026-12-06T09:00:00Z', '3 h'],
    ['2026-12-04T11:00:00Z', '2 d'],
    ['2026-12-06T12:00:05Z', '0 s'],
    ['not a date', '—'],
  ])('says %s is %s old', (since, age) => {
    expect(formatAge(since, now)).toBe(age);
  });
});

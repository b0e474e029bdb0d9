import { describe, expect, it } from 'vitest';
import { parseId } from './ids.js';

describe('parseId', () => {
  it.each(['a', 'tenant-1', '0abc', 'x'.repeat(63)])('accepts %s', (value) => {
    expect(parseId('tenant', value)).toBe(value);
  });

  it.each(['', '-a', 'A', 'a_b', 'a/b', 'x'.repeat(64)])('refuses %j naming the kind', (value) => {
    expect(() => parseId('workload', value)).toThrow(`invalid workload id "${value}"`);
  });
});

import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json.js';

describe('canonicalJson', () => {
  it.each([
    [{ b: 1, a: [true, null, 'x'] }, '{"a":[true,null,"x"],"b":1}'],
    [{ z: { y: 2, x: 1 } }, '{"z":{"x":1,"y":2}}'],
    [{ a: undefined, b: 0 }, '{"b":0}'],
    [[3, 2, 1], '[3,2,1]'],
    [{ z: 1, a: 'é' }, '{"a":"é","z":1}'],
  ])('serialises %j as %s', (value, expected) => {
    expect(canonicalJson(value)).toBe(expected);
  });

  it('gives equal output for objects that differ only in key order', () => {
    expect(canonicalJson({ a: 1, b: { c: 2, d: 3 } })).toBe(canonicalJson({ b: { d: 3, c: 2 }, a: 1 }));
  });

  it.each([[undefined], [Number.NaN], [Infinity], [() => 1], [Symbol('s')]])('refuses %s', (value) => {
    expect(() => canonicalJson(value)).toThrow(TypeError);
  });
});

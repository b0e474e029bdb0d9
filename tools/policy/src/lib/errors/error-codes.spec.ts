import { describe, expect, it } from 'vitest';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkErrorCodes, findErrorCodes, type ErrorCodeUse } from './check-error-codes.js';
import { loadErrorRegistry, parseErrorRegistry, validateErrorRegistry, type ErrorRegistry } from './error-registry.js';

const registry: ErrorRegistry = {
  ranges: [
    { project: 'alpha', from: 100, to: 199, holds: 'alpha' },
    { project: 'beta', from: 1200, to: 1299, holds: 'beta' },
  ],
  codes: [
    { code: 'ASW-101', project: 'alpha', meaning: 'alpha broke', fix: 'mend alpha' },
    { code: 'ASW-1201', project: 'beta', meaning: 'beta broke', fix: 'mend beta', alsoUsedBy: ['gamma'] },
  ],
};
const use = (project: string, code: string, file = `${project}/src/a.ts`): ErrorCodeUse => ({ file, project, code });

describe('findErrorCodes', () => {
  it.each([
    ["throw new E('ASW-101', 'x'); // and ASW-101 again", ['ASW-101']],
    ['`ASW-1204` then ASW-12NN and ASW-0NN (placeholders) and ASW-2${number}', ['ASW-1204']],
    ['ASWDEP001 is a deprecation code, XASW-101 is not a code', []],
  ])('%s', (text, codes) => {
    expect(findErrorCodes(text)).toEqual(codes);
  });
});

describe('checkErrorCodes', () => {
  it('accepts each code used by its project, and a relayed code by a project listed in alsoUsedBy', () => {
    expect(checkErrorCodes(registry, [use('alpha', 'ASW-101'), use('beta', 'ASW-1201'), use('gamma', 'ASW-1201')])).toEqual([]);
  });

  it.each([
    [
      'two projects throw one code for different errors',
      [use('alpha', 'ASW-101'), use('beta', 'ASW-1201'), use('beta', 'ASW-101', 'beta/src/b.ts')],
      [
        `beta/src/b.ts: ASW-101 belongs to alpha ("alpha broke"), not to beta: give beta's error a code of its own range, or, when it is the very same error, add beta to the code's alsoUsedBy in tools/policy/error-codes.json`,
      ],
    ],
    [
      'a code nobody registered',
      [use('alpha', 'ASW-101'), use('beta', 'ASW-1201'), use('beta', 'ASW-1250')],
      ['beta/src/a.ts: ASW-1250 is not registered: add it to tools/policy/error-codes.json with its meaning and fix (beta owns 1200-1299)'],
    ],
    [
      'a registered code no source uses',
      [use('alpha', 'ASW-101'), use('gamma', 'ASW-1201')],
      ['ASW-1201 is registered for beta but no source of beta names it: remove it from tools/policy/error-codes.json'],
    ],
    [
      'a code written with another number of digits',
      [use('alpha', 'ASW-0101'), use('alpha', 'ASW-101'), use('beta', 'ASW-1201')],
      ['alpha/src/a.ts: ASW-0101 is written differently from the registered ASW-101: write ASW-101'],
    ],
  ])('refuses %s', (_case, uses, problems) => {
    expect(checkErrorCodes(registry, uses)).toEqual(problems);
  });
});

describe('validateErrorRegistry', () => {
  it.each([
    [
      'a code registered twice',
      { ...registry, codes: [...registry.codes, { code: 'ASW-101', project: 'alpha', meaning: 'other', fix: 'f' }] },
      ['ASW-101 is registered twice (alpha: "alpha broke"; alpha: "other"): give one of them a free code'],
    ],
    [
      'overlapping ranges',
      { ...registry, ranges: [...registry.ranges, { project: 'gamma', from: 150, to: 160, holds: 'g' }] },
      ['ranges 100-199 (alpha) and 150-160 (gamma) overlap: make them disjoint'],
    ],
    [
      "a code in another project's range",
      { ...registry, codes: [...registry.codes, { code: 'ASW-1202', project: 'alpha', meaning: 'm', fix: 'f' }] },
      ['ASW-1202 is registered for alpha but lies in the range 1200-1299 of beta: take a code from a range of alpha'],
    ],
    [
      'a code in no range',
      { ...registry, codes: [...registry.codes, { code: 'ASW-500', project: 'alpha', meaning: 'm', fix: 'f' }] },
      ['ASW-500 (alpha) is in no range: add it to a range of alpha'],
    ],
  ])('refuses %s', (_case, candidate, problems) => {
    expect(validateErrorRegistry(candidate)).toEqual(problems);
  });

  it('parseErrorRegistry throws ASW-004 naming a malformed code', () => {
    expect(() => parseErrorRegistry({ ...registry, codes: [{ code: 'ASW-1', project: 'alpha', meaning: 'm', fix: 'f' }] })).toThrow(
      /^ASW-004 tools\/policy\/error-codes.json does not match the error-code registry's schema:\n {2}- codes.0.code: a code is ASW- and three or four digits$/,
    );
  });

  it('the committed registry is consistent', () => {
    const root = join(dirname(fileURLToPath(import.meta.url)), '../../../../..');
    expect(loadErrorRegistry(root).codes.length).toBeGreaterThan(100);
  });
});

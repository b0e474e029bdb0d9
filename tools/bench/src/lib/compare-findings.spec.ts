import { describe, expect, it } from 'vitest';
import { compareFindings } from './compare-findings.js';
import type { GroundTruth } from './ground-truth.js';

const truth: GroundTruth = {
  generator: { projects: 20, filesPerProject: 4, seed: 1 },
  files: 80,
  projects: 21,
  violations: [
    {
      file: 'packages/a/src/module-1.ts',
      line: 3,
      column: 20,
      kind: 'forbidden-import',
      target: 'b',
      evidence: 'import',
      specifier: '@bench/b',
    },
    {
      file: 'packages/a/package.json',
      line: 9,
      column: 5,
      kind: 'forbidden-import',
      target: 'c',
      evidence: 'manifest',
      specifier: '@bench/c',
    },
    { file: 'packages/d/src/module-2.ts', line: 1, column: 1, kind: 'unused-exception', target: 'e', evidence: 'project', specifier: 'x' },
  ],
};

describe('compareFindings', () => {
  it.each([
    {
      name: 'exactly the truth',
      findings: truth.violations.map(({ file, line, column, kind, target }) => ({ file, line, column, kind, target })),
      expected: { flagged: 3, missed: {}, missedTotal: 0, falseFiles: [], exact: true },
    },
    {
      name: 'the right files, without kinds (a tool that reports files only)',
      findings: truth.violations.map(({ file }) => ({ file })),
      expected: { flagged: 3, missed: {}, missedTotal: 0, falseFiles: [], exact: false },
    },
    {
      name: 'one file twice, one missed, one false',
      findings: [
        { file: 'packages/a/src/module-1.ts', line: 3 },
        { file: 'packages/a/src/module-1.ts', line: 4 },
        { file: 'packages/d/src/module-2.ts' },
        { file: 'packages/z/src/index.ts' },
      ],
      expected: { flagged: 3, missed: { 'forbidden-import': 1 }, missedTotal: 1, falseFiles: ['packages/z/src/index.ts'], exact: false },
    },
    {
      name: 'nothing',
      findings: [],
      expected: { flagged: 0, missed: { 'forbidden-import': 2, 'unused-exception': 1 }, missedTotal: 3, falseFiles: [], exact: false },
    },
  ])('$name', ({ findings, expected }) => {
    expect(compareFindings(truth, findings)).toEqual(expected);
  });
});

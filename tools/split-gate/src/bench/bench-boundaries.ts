#!/usr/bin/env node
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { workspaceRoot } from '@nx/devkit';
import { loadPolicy } from '@alphaswarm/policy';
import { evaluateBoundaries } from '../lib/boundaries/evaluate-boundaries.js';
import { filesNeedingSource } from '../lib/boundaries/files-needing-source.js';
import { importSpecifiers } from '../lib/boundaries/import-specifiers.js';
import { sourcePrefilter } from '../lib/boundaries/source-prefilter.js';
import { syntheticWorkspace } from './synthetic-workspace.js';

const help = `Usage: pnpm bench [--sizes 10000,50000,100000] [--runs 7]

Times the boundary checker's pure evaluation on large synthetic workspace graphs (seeded, so
every run measures the same graphs) and reports medians and ratios: how evaluation scales with
the number of files, and what reading every source with TypeScript's pre-processor instead would
cost.
`;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

function time(runs: number, work: () => unknown): number {
  work();
  return median(
    Array.from({ length: runs }, () => {
      const start = performance.now();
      work();
      return performance.now() - start;
    }),
  );
}

/** A typical source file: a dozen imports and ~3 kB of code. */
const typicalSource = [
  ...Array.from({ length: 12 }, (_, index) => `import { thing${index} } from '@alphaswarm/core-${index}';`),
  ...Array.from(
    { length: 60 },
    (_, index) => `export function f${index}(value: number): number { return thing${index % 12}(value) * ${index}; }`,
  ),
].join('\n');

const { values } = parseArgs({
  options: { sizes: { type: 'string', default: '10000,50000,100000' }, runs: { type: 'string', default: '7' }, help: { type: 'boolean' } },
});
if (values.help) {
  process.stdout.write(help);
} else {
  const policy = loadPolicy(workspaceRoot);
  const runs = Number(values.runs);
  const sizes = values.sizes.split(',').map(Number);
  const scanPerFile =
    time(runs, () => {
      for (let index = 0; index < 1000; index += 1) importSpecifiers(typicalSource);
    }) / 1000;
  const prefilter = sourcePrefilter(policy, syntheticWorkspace(policy, 0));
  const prefilterPerFile =
    time(runs, () => {
      for (let index = 0; index < 1000; index += 1) prefilter('packages/controller-0/src/a.ts', 'controller-0', typicalSource);
    }) / 1000;
  const rows = sizes.map((files) => {
    const graph = syntheticWorkspace(policy, files);
    const edges = graph.files.reduce((count, file) => count + file.deps.length, 0);
    const evaluate = time(runs, () => evaluateBoundaries(policy, graph));
    const select = time(runs, () => filesNeedingSource(policy, graph));
    const selected = filesNeedingSource(policy, graph).length;
    return {
      files,
      edges,
      selected,
      evaluate,
      select,
      violations: evaluateBoundaries(policy, graph).length,
      filterAll: prefilterPerFile * selected,
      scanAll: scanPerFile * selected,
    };
  });
  const first = rows[0];
  const lines = [
    `boundary checker, pure evaluation: median of ${runs} runs, Node ${process.version}, ${sizes.length} seeded synthetic graphs (200 projects)`,
    '',
    '| files | file edges | violations | evaluate (ms) | µs per file | select sources (ms) | sources selected | substring prefilter on them (ms, est.) | pre-processing all of them instead (ms, est.) | pre-process / prefilter |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...rows.map(
      (row) =>
        `| ${row.files} | ${row.edges} | ${row.violations} | ${row.evaluate.toFixed(1)} | ${((row.evaluate * 1000) / row.files).toFixed(2)} | ${row.select.toFixed(1)} | ${row.selected} | ${row.filterAll.toFixed(1)} | ${row.scanAll.toFixed(0)} | ${(row.scanAll / row.filterAll).toFixed(0)}× |`,
    ),
    '',
    ...rows
      .slice(1)
      .map(
        (row) =>
          `${row.files} vs ${first?.files} files: ${(row.files / (first?.files ?? 1)).toFixed(1)}× the files took ${(row.evaluate / (first?.evaluate ?? 1)).toFixed(1)}× the time`,
      ),
    `per typical 3 kB source: TypeScript pre-processor ${(scanPerFile * 1000).toFixed(0)} µs, substring prefilter ${(prefilterPerFile * 1000).toFixed(1)} µs (reading the file from disk not included in either)`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

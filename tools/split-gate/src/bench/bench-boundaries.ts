#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { workspaceRoot } from '@nx/devkit';
import { checkSource, createBoundaryWorkspace, extractSpecifiers, loadPolicy } from '@alphaswarm/policy';
import ts from 'typescript';
import { syntheticWorkspace } from './synthetic-workspace.js';

const help = `Usage: pnpm bench [--sizes 5000,10000,20000] [--runs 5]

Times (CPU time) the boundary engine on seeded synthetic sources held in memory (so every run
measures the same work, and disk reads are left out): reading each source's specifiers and judging them, as
ESLint's rule and pnpm boundaries do for every file. Reports medians, how the time scales with
the number of files, and what TypeScript's pre-processor would cost for the same sources.
`;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/**
 * Median CPU time (user + system, in ms) of `runs` runs after one warm-up. CPU time, not wall time:
 * the work is single-threaded, and on a machine shared with other jobs wall time mostly measures
 * the others.
 */
function time(runs: number, work: () => unknown): number {
  work();
  return median(
    Array.from({ length: runs }, () => {
      const start = process.cpuUsage();
      work();
      const used = process.cpuUsage(start);
      return (used.user + used.system) / 1000;
    }),
  );
}

const { values } = parseArgs({
  options: { sizes: { type: 'string', default: '5000,10000,20000' }, runs: { type: 'string', default: '5' }, help: { type: 'boolean' } },
});
if (values.help) {
  process.stdout.write(help);
} else {
  const policy = loadPolicy(workspaceRoot);
  const runs = Number(values.runs);
  const sizes = values.sizes.split(',').map(Number);
  const rows = sizes.map((files) => {
    const synthetic = syntheticWorkspace(policy, files);
    const workspace = createBoundaryWorkspace(policy, synthetic.projects);
    const kilobytes = synthetic.sources.reduce((total, source) => total + source.text.length, 0) / 1024;
    let found = 0;
    const check = time(runs, () => {
      found = 0;
      for (const { file, text } of synthetic.sources) found += checkSource(workspace, file, text).violations.length;
    });
    const extract = time(runs, () => {
      for (const { file, text } of synthetic.sources) extractSpecifiers(text, file);
    });
    const preProcess = time(runs, () => {
      for (const { text } of synthetic.sources) ts.preProcessFile(text, true, true);
    });
    return { files, projects: synthetic.projects.length, kilobytes, injected: synthetic.injected, found, check, extract, preProcess };
  });
  const first = rows[0];
  const lines = [
    `boundary engine on seeded synthetic sources in memory: median CPU time of ${runs} runs, Node ${process.version}`,
    '',
    '| files | projects | source (kB) | violations found / planted | check, all files (ms) | µs per file | of which reading specifiers (ms) | TypeScript pre-processor instead (ms) | pre-processor / engine reading |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...rows.map(
      (row) =>
        `| ${row.files} | ${row.projects} | ${row.kilobytes.toFixed(0)} | ${row.found} / ${row.injected} | ${row.check.toFixed(0)} | ${((row.check * 1000) / row.files).toFixed(1)} | ${row.extract.toFixed(0)} | ${row.preProcess.toFixed(0)} | ${(row.preProcess / row.extract).toFixed(1)}× |`,
    ),
    '',
    ...rows
      .slice(1)
      .map(
        (row) =>
          `${row.files} vs ${first?.files} files: ${(row.files / (first?.files ?? 1)).toFixed(1)}× the files took ${(row.check / (first?.check ?? 1)).toFixed(1)}× the time`,
      ),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

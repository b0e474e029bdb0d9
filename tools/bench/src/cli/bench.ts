#!/usr/bin/env node
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { BenchError } from '../lib/bench-error.js';
import { allCheckers } from '../lib/checkers/all-checkers.js';
import { describeMachine } from '../lib/machine.js';
import { renderBenchmarks } from '../lib/render-benchmarks.js';
import { renderChart } from '../lib/render-chart.js';
import { benchNodeModules, repositoryRoot } from '../lib/repository-paths.js';
import { runSize, sizeOf, type SizeResult } from '../lib/run-bench.js';
import { runCli, wholeNumber } from '../lib/run-cli.js';

const defaultSizes = '500,2000';
const help = `Usage: pnpm bench [--sizes 500,2000] [--runs 3] [--seed 1] [--only ids] [--out DIR] [--docs] [--json]

Boundary checking at scale. For each size (source files; 40 a project, at least 20 projects),
generate a seeded workspace with injected violations (pnpm bench:generate) and run on it, one after
the other: the read-and-lex floor, pnpm boundaries cold and warm, ESLint with
@nx/enforce-module-boundaries, ESLint with alphaswarm/boundaries, dependency-cruiser and turbo
boundaries. Each runs --runs times; the table has the median and spread of wall time, peak memory
and its findings against the ground truth. Then the phases of pnpm boundaries are timed. Progress
goes to stderr; the tables (or --json) to stdout.

  --sizes LIST   comma-separated source-file counts (default ${defaultSizes}; 20000 is 500 projects)
  --runs N       timed runs per checker and size (default 3)
  --seed S       seed of the generated workspaces (default 1)
  --only IDS     run only these checkers: floor, boundaries-cold, boundaries-warm, eslint-nx,
                 eslint-alphaswarm, depcruise, turbo
  --out DIR      where the workspaces and results.json go (default $TMPDIR/asw-bench; outside the repository)
  --docs         write docs/benchmarks.md and docs/benchmarks.svg from this run
  --render FILE  run nothing: render the tables (and with --docs, the page) from a results.json
                 an earlier run wrote
  --json         print the results as JSON
  --help         show this text
`;

runCli(async () => {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      options: {
        sizes: { type: 'string' },
        runs: { type: 'string' },
        seed: { type: 'string' },
        only: { type: 'string' },
        out: { type: 'string' },
        docs: { type: 'boolean' },
        render: { type: 'string' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    throw new BenchError('ASW-1402', `${(error as Error).message}; run \`pnpm bench --help\` for usage`);
  }
  if (values['help']) {
    process.stdout.write(help);
    return 0;
  }
  const rendered = values['render'] as string | undefined;
  const saved = rendered === undefined ? undefined : readResults(rendered);
  const sizesText = (values['sizes'] as string | undefined) ?? defaultSizes;
  const sizes = sizesText.split(',').map((size) => {
    const files = Number(size.trim());
    if (!Number.isInteger(files) || files < 80)
      throw new BenchError('ASW-1402', `--sizes ${sizesText}: give whole file counts of at least 80, comma-separated`);
    return sizeOf(files);
  });
  const runs = saved?.runs ?? wholeNumber('runs', values['runs'] as string | undefined, 3);
  if (runs < 1) throw new BenchError('ASW-1402', '--runs 0: give at least 1');
  const seed = saved?.seed ?? wholeNumber('seed', values['seed'] as string | undefined, 1);
  const checkers = allCheckers();
  const only = (values['only'] as string | undefined)?.split(',').map((id) => id.trim());
  const unknown = only?.filter((id) => !checkers.some((checker) => checker.id === id)) ?? [];
  if (unknown.length > 0)
    throw new BenchError(
      'ASW-1402',
      `--only ${unknown.join(',')}: no such checker; choose from ${checkers.map((checker) => checker.id).join(', ')}`,
    );
  const folder = resolve((values['out'] as string | undefined) ?? join(tmpdir(), 'asw-bench'));
  const progress = (line: string): void => {
    process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}\n`);
  };
  const machine = saved?.machine ?? describeMachine();
  const date = saved?.date ?? new Date().toISOString().slice(0, 10);
  // A saved run is rendered with the adapters' current description of what they cannot express (their configuration is unchanged).
  const limits = new Map(checkers.map((checker) => [checker.id, checker.limits]));
  const results: SizeResult[] = saved
    ? saved.results.map((result) => ({
        ...result,
        checkers: result.checkers.map((checker) => ({ ...checker, limits: limits.get(checker.id) ?? checker.limits })),
      }))
    : [];
  if (!saved) {
    mkdirSync(folder, { recursive: true });
    for (const size of sizes) {
      results.push(
        runSize({
          size,
          seed,
          runs,
          folder,
          repository: repositoryRoot,
          nodeModules: benchNodeModules,
          checkers: only ? checkers.filter((checker) => only.includes(checker.id)) : checkers,
          progress,
        }),
      );
      writeFileSync(join(folder, 'results.json'), `${JSON.stringify({ machine, date, seed, runs, results }, null, 2)}\n`);
    }
    progress(`results in ${join(folder, 'results.json')}`);
  }
  const ran = new Set(results.flatMap((result) => result.checkers.map((checker) => checker.id)));
  const command = [
    'pnpm bench',
    `--sizes ${results.map((result) => result.size.files).join(',')}`,
    `--runs ${runs}`,
    ...(seed === 1 ? [] : [`--seed ${seed}`]),
    ...(ran.size < checkers.length ? [`--only ${[...ran].join(',')}`] : []),
    '--docs',
  ].join(' ');
  const page = renderBenchmarks(results, { command, machine, date, seed, runs, chart: 'benchmarks.svg' });
  if (values['docs']) {
    writeFileSync(join(repositoryRoot, 'docs/benchmarks.md'), page);
    writeFileSync(join(repositoryRoot, 'docs/benchmarks.svg'), renderChart(results));
    progress('wrote docs/benchmarks.md and docs/benchmarks.svg');
  }
  process.stdout.write(values['json'] ? `${JSON.stringify({ machine, date, seed, runs, results }, null, 2)}\n` : page);
  return 0;
});

/** A results.json an earlier run wrote. */
function readResults(file: string): { machine: string; date: string; seed: number; runs: number; results: SizeResult[] } {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as ReturnType<typeof readResults>;
  } catch (error) {
    throw new BenchError('ASW-1402', `--render ${file}: not a results.json of pnpm bench (${(error as Error).message})`);
  }
}

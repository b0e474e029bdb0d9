import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { loadPolicy } from '@alphaswarm/policy';
import { BenchError } from './bench-error.js';
import type { Checker } from './checkers/checker.js';
import { checkerEnv } from './checkers/checker-env.js';
import { compareFindings, type Comparison } from './compare-findings.js';
import { generateWorkspace } from './generate-workspace.js';
import { GROUND_TRUTH_FILE, type GroundTruth } from './ground-truth.js';
import { measureCommand } from './measure-command.js';
import { benchCliFolder } from './repository-paths.js';
import { writeWorkspace } from './write-workspace.js';

/** A size of the bench: about `files` source files over `projects` projects. */
export interface BenchSize {
  readonly files: number;
  readonly projects: number;
  readonly filesPerProject: number;
}

/** How one checker did at one size. */
export interface CheckerResult {
  readonly id: string;
  readonly label: string;
  readonly limits: string;
  /** Wall times of the timed runs, in milliseconds, in run order; empty when it could not run. */
  readonly wallMs: readonly number[];
  readonly medianMs: number | undefined;
  readonly peakMiB: number | undefined;
  readonly comparison: Comparison | undefined;
  /** Why it did not run, when it did not. */
  readonly error?: string;
}

/** One size's results. */
export interface SizeResult {
  readonly size: BenchSize;
  readonly sourceFiles: number;
  readonly projects: number;
  readonly injected: number;
  readonly checkers: readonly CheckerResult[];
  /** Median milliseconds of each phase of pnpm boundaries (profile-boundaries), cold and warm; undefined when it could not run. */
  readonly phases: { readonly cold: Readonly<Record<string, number>>; readonly warm: Readonly<Record<string, number>> } | undefined;
}

/** The projects and files per project for a size given as a file count: 40 files a project, at least 20 projects. */
export function sizeOf(files: number): BenchSize {
  const projects = Math.max(20, Math.round(files / 40));
  const filesPerProject = Math.max(4, Math.round(files / projects));
  return { files, projects, filesPerProject };
}

/** The median of a non-empty list. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

/**
 * Generate the workspace of one size under `folder` (seeded), then run every checker on it `runs`
 * times in turn, measuring wall time and peak memory, and compare its findings of the first run
 * with the ground truth. A checker that cannot run is recorded with its error, not left out.
 */
export function runSize(options: {
  readonly size: BenchSize;
  readonly seed: number;
  readonly runs: number;
  readonly folder: string;
  readonly repository: string;
  readonly nodeModules: string;
  readonly checkers: readonly Checker[];
  readonly progress: (line: string) => void;
}): SizeResult {
  const { size, seed, runs, folder, checkers, progress } = options;
  const workspace = join(folder, `workspace-${size.files}`);
  progress(`generating ${size.projects} projects × ${size.filesPerProject} files in ${workspace}`);
  writeWorkspace(
    generateWorkspace(loadPolicy(options.repository), { projects: size.projects, filesPerProject: size.filesPerProject, seed }),
    workspace,
    options.repository,
    options.nodeModules,
  );
  const truth = JSON.parse(readFileSync(join(workspace, GROUND_TRUTH_FILE), 'utf8')) as GroundTruth;
  const results: CheckerResult[] = [];
  for (const checker of checkers) {
    const base = { id: checker.id, label: checker.label, limits: checker.limits };
    try {
      checker.prepare?.(workspace);
      const wallMs: number[] = [];
      let peakMiB: number | undefined;
      let comparison: Comparison | undefined;
      for (let run = 0; run < runs; run += 1) {
        checker.beforeRun?.(workspace, run);
        const result = measureCommand(checker.command(workspace));
        const findings = checker.findings(result, workspace);
        comparison ??= compareFindings(truth, findings);
        wallMs.push(result.wallMs);
        if (result.peakMiB !== undefined) peakMiB = Math.max(peakMiB ?? 0, result.peakMiB);
        progress(`${size.files} files: ${checker.label} run ${run + 1}/${runs}: ${(result.wallMs / 1000).toFixed(2)} s`);
      }
      results.push({ ...base, wallMs, medianMs: median(wallMs), peakMiB, comparison });
    } catch (error) {
      progress(`${size.files} files: ${checker.label} could not run: ${(error as Error).message}`);
      results.push({
        ...base,
        wallMs: [],
        medianMs: undefined,
        peakMiB: undefined,
        comparison: undefined,
        error: (error as Error).message,
      });
    }
  }
  let phases: SizeResult['phases'];
  try {
    phases = { cold: profilePhases(workspace, runs, true), warm: profilePhases(workspace, runs, false) };
    progress(
      `${size.files} files: phases of pnpm boundaries (ms): cold ${JSON.stringify(phases.cold)}, warm ${JSON.stringify(phases.warm)}`,
    );
  } catch (error) {
    progress(`${size.files} files: the phase profile could not run: ${(error as Error).message}`);
  }
  return { size, sourceFiles: truth.files, projects: truth.projects, injected: truth.violations.length, checkers: results, phases };
}

/** The median time of each phase of pnpm boundaries over `runs` runs of profile-boundaries, with no `.nx` folder (cold) or with the cached graph (warm). */
function profilePhases(workspace: string, runs: number, cold: boolean): Record<string, number> {
  const samples = new Map<string, number[]>();
  for (let run = 0; run < runs; run += 1) {
    if (cold) rmSync(join(workspace, '.nx'), { recursive: true, force: true });
    const result = measureCommand({
      command: process.execPath,
      args: [join(benchCliFolder, 'profile-boundaries.js')],
      cwd: workspace,
      env: checkerEnv(),
    });
    if (result.status !== 0)
      throw new BenchError('ASW-1404', `profile-boundaries failed (exit ${result.status}): ${result.stderr.trim().slice(0, 500)}`);
    const { phases } = JSON.parse(result.stdout) as { phases: Record<string, number> };
    for (const [phase, ms] of Object.entries(phases)) samples.set(phase, [...(samples.get(phase) ?? []), ms]);
    samples.set('process', [...(samples.get('process') ?? []), result.wallMs]);
  }
  return Object.fromEntries([...samples].map(([phase, values]) => [phase, median(values)]));
}

import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BoundaryViolation } from '@alphaswarm/policy';
import { BenchError } from '../bench-error.js';
import { GROUND_TRUTH_FILE, type GroundTruth } from '../ground-truth.js';
import { measureCommand } from '../measure-command.js';
import type { Checker, Finding } from './checker.js';
import { checkerEnv } from './checker-env.js';
import { repositoryRoot } from '../repository-paths.js';

/**
 * The built CLI behind `pnpm boundaries`. Found by path, not as a dependency: a dependency on
 * split-gate would make every change that affects the gate affect the bench too.
 */
const cli = (): string => {
  const file = join(repositoryRoot, 'tools/split-gate/dist/bin/boundaries.js');
  if (!existsSync(file))
    throw new BenchError('ASW-1404', `${file} is not built: run \`pnpm nx run split-gate:build\` (pnpm bench builds it)`);
  return file;
};

/** A file no injected violation lives in, which the warm run changes (a comment only, so no verdict changes). */
function editableFile(workspace: string): string {
  const truth = JSON.parse(readFileSync(join(workspace, GROUND_TRUTH_FILE), 'utf8')) as GroundTruth;
  const injected = new Set(truth.violations.map((violation) => violation.file));
  for (let module = 2; module < 1000; module += 1) {
    const file = `packages/core/src/module-${module}.ts`;
    if (!injected.has(file) && existsSync(join(workspace, file))) return file;
  }
  throw new BenchError('ASW-1403', `no module of packages/core in ${workspace} is free of injected violations`);
}

/**
 * `pnpm boundaries --json` end to end (the built CLI of tools/split-gate, as the root script runs
 * it after its `tsc -b`): Nx's project graph, the engine's project discovery and every source read
 * from disk and judged. Cold: no `.nx` folder (no cached graph, no daemon). Warm: the graph cached
 * by an earlier run, and one source file changed since.
 */
export function boundariesChecker(mode: 'cold' | 'warm'): Checker {
  let edited: string | undefined;
  return {
    id: `boundaries-${mode}`,
    label: `pnpm boundaries (${mode})`,
    limits: 'none: every rule of the policy, source files and manifests',
    prepare(workspace) {
      if (mode === 'warm') {
        edited = editableFile(workspace);
        measureCommand(this.command(workspace));
      }
    },
    beforeRun(workspace, run) {
      if (mode === 'cold') rmSync(join(workspace, '.nx'), { recursive: true, force: true });
      else if (edited) {
        const path = join(workspace, edited);
        writeFileSync(path, `${readFileSync(path, 'utf8').replace(/\n\/\/ bench edit \d+\n$/, '\n')}// bench edit ${run}\n`);
      }
    },
    command: (workspace) => ({ command: process.execPath, args: [cli(), '--json'], cwd: workspace, env: checkerEnv() }),
    findings(run) {
      let report: { violations: BoundaryViolation[] };
      try {
        report = JSON.parse(run.stdout) as typeof report;
      } catch {
        throw new BenchError('ASW-1404', `pnpm boundaries failed (exit ${run.status}): ${run.stderr.trim().slice(0, 500)}`);
      }
      return report.violations.map((violation): Finding => ({
        file: violation.file,
        line: violation.line,
        column: violation.column,
        kind: violation.kind,
        target: violation.target,
      }));
    },
  };
}

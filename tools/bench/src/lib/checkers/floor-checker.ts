import { join } from 'node:path';
import { BenchError } from '../bench-error.js';
import { benchCliFolder } from '../repository-paths.js';
import type { Checker } from './checker.js';
import { checkerEnv } from './checker-env.js';

/**
 * The floor: a process that reads every source file of `packages/` once and lists its import
 * specifiers with es-module-lexer (which lexes TypeScript), and judges nothing. No checker that
 * reads the sources can be faster than this by much.
 */
export function floorChecker(): Checker {
  return {
    id: 'floor',
    label: 'floor: read + lex (es-module-lexer)',
    limits: 'judges nothing: the cost of reading every source and listing its specifiers',
    command: (workspace) => ({
      command: process.execPath,
      args: [join(benchCliFolder, 'floor.js'), 'packages'],
      cwd: workspace,
      env: checkerEnv(),
    }),
    findings(run) {
      if (run.status !== 0) throw new BenchError('ASW-1404', `the floor failed (exit ${run.status}): ${run.stderr.trim().slice(0, 500)}`);
      return [];
    },
  };
}

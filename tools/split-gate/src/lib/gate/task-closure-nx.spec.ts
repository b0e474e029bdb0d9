import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadWorkspaceGraph } from '../nx/load-workspace-graph.js';
import type { WorkspaceGraph } from '../workspace-graph.js';
import { taskClosure } from './task-closure.js';

/*
 * taskClosure re-derives Nx's task graph (pure, so the gate stays fast); this holds it to Nx's own
 * (`nx run-many --graph`, public) on the real workspace, so a change in how Nx expands dependsOn
 * fails here instead of letting isolation judge the wrong tasks.
 */
const root = join(import.meta.dirname, '../../../../..');
const nx = createRequire(import.meta.url).resolve('nx/bin/nx.js');
const scratch = mkdtempSync(join(tmpdir(), 'asw-task-graph-'));
let graph: WorkspaceGraph;
beforeAll(async () => {
  graph = await loadWorkspaceGraph(root);
}, 120_000);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('taskClosure against nx run-many --graph', () => {
  it.each([
    ['client', ['lint', 'typecheck', 'build', 'test', 'api-report']],
    ['deployment', ['lint', 'typecheck', 'build', 'test', 'validate', 'api-report']],
    ['client', ['integration']],
  ])(
    'finds the tasks Nx schedules for %s %j',
    (project, targets) => {
      const file = join(scratch, `${project}-${targets.join('-')}.json`);
      const result = spawnSync(process.execPath, [nx, 'run-many', '-t', ...targets, '-p', project, `--graph=${file}`], {
        cwd: root,
        encoding: 'utf8',
        env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' },
      });
      expect(result.status, result.stderr).toBe(0);
      const fromNx = Object.keys(
        (JSON.parse(readFileSync(file, 'utf8')) as { tasks: { tasks: Record<string, unknown> } }).tasks.tasks,
      ).sort();
      expect(
        taskClosure(
          graph,
          targets.map((target) => ({ project, target })),
        ).tasks,
      ).toEqual(fromNx);
    },
    120_000,
  );
});

import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadPolicy } from '@alphaswarm/policy';
import { candidateDomains, projectsOfDomain } from '../gate/evaluate-gate.js';
import { loadWorkspaceGraph } from '../nx/load-workspace-graph.js';
import type { WorkspaceGraph } from '../workspace-graph.js';
import { assemblyPlan, rootFiles } from './assembly-plan.js';

/*
 * A deep proof is an Nx-cached task: a cache hit is honest only if its Nx inputs hold every file
 * the proof assembles. Nx's own resolution of the inputs (`nx show target inputs`, public) must
 * cover what assemblyPlan copies and deepFingerprint hashes.
 */
const root = join(import.meta.dirname, '../../../../..');
const nx = createRequire(import.meta.url).resolve('nx/bin/nx.js');
let graph: WorkspaceGraph;
beforeAll(async () => {
  graph = await loadWorkspaceGraph(root);
}, 120_000);

describe('the deep-proof target’s Nx inputs', () => {
  // Every candidate: a domain of several projects (client and operator-ui) proves them all from one
  // project's target, whose inputs must then name the others.
  it.each(candidateDomains(loadPolicy(root)))(
    'hold every file the deep proof of %s assembles',
    (domain) => {
      const policy = loadPolicy(root);
      const plan = assemblyPlan(root, policy, graph, domain);
      const prover = projectsOfDomain(policy, graph, domain).find((project) => 'deep-proof' in project.targets);
      expect(prover, `a project of ${domain} with a deep-proof target`).toBeDefined();
      const shown = spawnSync(process.execPath, [nx, 'show', 'target', 'inputs', `${prover?.name}:deep-proof`, '--json'], {
        cwd: root,
        encoding: 'utf8',
        env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' },
        maxBuffer: 64 * 1024 * 1024,
      });
      const inputs = new Set((JSON.parse(shown.stdout) as { files: string[] }).files);
      const assembled = [...plan.projectFiles, ...rootFiles, 'package.json', 'pnpm-lock.yaml'].filter((file) =>
        existsSync(join(root, file)),
      );
      expect(assembled.length).toBeGreaterThan(20);
      expect(assembled.filter((file) => !inputs.has(file))).toEqual([]);
    },
    120_000,
  );
});

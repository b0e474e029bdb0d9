#!/usr/bin/env node
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { workspaceRoot } from '@nx/devkit';
import { domainOfTags, loadPolicy } from '@alphaswarm/policy';
import { runCli, usageError } from '../lib/cli/run-cli.js';
import { deepRecordPath } from '../lib/deep/deep-record.js';
import { runDeep } from '../lib/deep/run-deep.js';
import { loadWorkspaceGraph } from '../lib/nx/load-workspace-graph.js';
import { SplitGateError } from '../lib/split-gate-error.js';

const help = `Usage: node tools/split-gate/dist/bin/deep-proof.js <project> [--keep]
       (the deep-proof target: pnpm nx run <project>:deep-proof; pnpm gate --deep runs them all)

The deep proof of the project's domain: the domain's projects and their static dependency closure,
without any domain:monolith project, plus the tooling their targets name, copied into an empty
workspace outside the repository, installed from the lockfile pruned to them and the local pnpm
store (--frozen-lockfile --offline), and validated there with the domain's documented validation
commands. Progress on stderr.

Writes the proof to ${deepRecordPath('<project>')} (what pnpm gate reads, with the fingerprint of what it
assembled) and prints its verdict. Exit 0 when the proof ran, whatever its verdict (so Nx caches
it); 1 on a user error.

  --keep   keep the temporary workspace and print where it is
`;

runCli(async () => {
  let parsed: { values: { help?: boolean; keep?: boolean }; positionals: string[] };
  try {
    parsed = parseArgs({ options: { help: { type: 'boolean', short: 'h' }, keep: { type: 'boolean' } }, allowPositionals: true });
  } catch (error) {
    throw usageError('deep-proof', error);
  }
  if (parsed.values.help) {
    process.stdout.write(help);
    return 0;
  }
  const [project] = parsed.positionals;
  if (project === undefined || parsed.positionals.length !== 1) throw usageError('deep-proof', new Error('expected one project name'));
  const policy = loadPolicy(workspaceRoot);
  const graph = await loadWorkspaceGraph(workspaceRoot);
  const node = graph.projects.find((candidate) => candidate.name === project);
  const domain = node ? domainOfTags(policy, node.tags)?.name : undefined;
  if (!domain)
    throw new SplitGateError(
      'ASW-1221',
      `"${project}" is not a project of a policy domain: pass a project of a split-candidate domain, e.g. core`,
    );
  const record = runDeep(workspaceRoot, policy, graph, domain, {
    keep: parsed.values.keep === true,
    progress: (line) => process.stderr.write(`${line}\n`),
  });
  const file = join(workspaceRoot, deepRecordPath(project));
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(record, null, 2)}\n`);
  process.stdout.write(`${record.ok ? '✓' : '✗'} ${record.summary}\n`);
  return 0;
});

#!/usr/bin/env node
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { workspaceRoot } from '@nx/devkit';
import { runCli, usageError } from '../lib/cli/run-cli.js';
import { loadWorkspaceGraph } from '../lib/nx/load-workspace-graph.js';
import { checkPackage } from '../lib/package/check-package.js';
import { packageRecordPath } from '../lib/package/package-record.js';

const help = `Usage: node tools/split-gate/dist/bin/package-check.js <project>   (the package-check target: pnpm nx run <project>:package-check)

The packaging check of one project, by behaviour: the files its exports, main, types and bin name
exist after the build; pnpm pack ships them and no sources or tests; the tarball installs into an
empty folder outside the workspace (frozen and offline, from the local pnpm store), where each
entry point imports with plain Node, each bin answers --help and each types entry resolves with tsc.

Writes the verdict to ${packageRecordPath('<project>')} (what pnpm gate reads) and prints it. Exit 0 when
the check ran, whatever its verdict (so Nx caches it); 1 on a user error.
`;

runCli(async () => {
  let parsed: { values: { help?: boolean }; positionals: string[] };
  try {
    parsed = parseArgs({ options: { help: { type: 'boolean', short: 'h' } }, allowPositionals: true });
  } catch (error) {
    throw usageError('package-check', error);
  }
  if (parsed.values.help) {
    process.stdout.write(help);
    return 0;
  }
  const [project] = parsed.positionals;
  if (project === undefined || parsed.positionals.length !== 1) throw usageError('package-check', new Error('expected one project name'));
  const graph = await loadWorkspaceGraph(workspaceRoot);
  const record = checkPackage(workspaceRoot, graph.projects, project, (line) =>
    process.stderr.write(`[package-check ${project}] ${line}\n`),
  );
  const file = join(workspaceRoot, packageRecordPath(project));
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${JSON.stringify(record, null, 2)}\n`);
  process.stdout.write(
    record.ok
      ? `✓ ${record.package ?? project} packages: ${record.checked.join('; ')}\n`
      : `✗ ${record.package ?? project} does not package (pnpm gate reports it under packaging): ${record.problems.join('; ')}\n`,
  );
  return 0;
});

#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { workspaceRoot } from '@nx/devkit';
import { loadBoundaryWorkspace } from '@alphaswarm/policy';
import { checkBoundaries } from '../lib/boundaries/check-boundaries.js';
import { formatBoundaries } from '../lib/boundaries/format-boundaries.js';
import { painter } from '../lib/cli/paint.js';
import { runCli, usageError } from '../lib/cli/run-cli.js';
import { loadWorkspaceGraph } from '../lib/nx/load-workspace-graph.js';

const help = `Usage: pnpm boundaries [--json]

The whole-workspace boundary verdict: every JavaScript and TypeScript file of every project (and
every package.json) judged by the boundary engine of tools/policy, the code ESLint's
alphaswarm/boundaries rule runs. Sources are read from disk, never from an Nx cache. Exit 0 when
there is no violation, 1 when there is one or on a user error (an inconsistent policy, a project
Nx sees that the engine does not).

  --json   print {"violations": [...], "summary": {...}} for machines; each violation has file,
           line, column, project, domain, target, targetDomain, kind, evidence, specifier, rule,
           seedRule, fix and message
  --help   show this text
`;

runCli(async () => {
  let values: { json?: boolean; help?: boolean };
  try {
    ({ values } = parseArgs({ options: { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } }, allowPositionals: false }));
  } catch (error) {
    throw usageError('boundaries', error);
  }
  if (values.help) {
    process.stdout.write(help);
    return 0;
  }
  const workspace = loadBoundaryWorkspace(workspaceRoot);
  const report = checkBoundaries(workspaceRoot, workspace, await loadWorkspaceGraph(workspaceRoot));
  process.stdout.write(values.json ? `${JSON.stringify(report, null, 2)}\n` : formatBoundaries(report, painter(process.stdout)));
  return report.violations.length > 0 ? 1 : 0;
});

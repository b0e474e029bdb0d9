#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { workspaceRoot } from '@nx/devkit';
import { loadPolicy } from '@alphaswarm/policy';
import { checkBoundaries } from '../lib/boundaries/check-boundaries.js';
import { formatBoundaries } from '../lib/boundaries/format-boundaries.js';
import { painter } from '../lib/cli/paint.js';
import { runCli, usageError } from '../lib/cli/run-cli.js';
import { loadWorkspaceGraph } from '../lib/nx/load-workspace-graph.js';

const help = `Usage: pnpm boundaries [--json]

The whole-workspace boundary verdict: every file dependency of the Nx project graph judged by
tools/policy/policy.json (no ESLint run). Exit 0 when there is no violation, 1 when there is one
or on a user error.

  --json   print {"violations": [...], "summary": {...}} for machines
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
  const policy = loadPolicy(workspaceRoot);
  const report = checkBoundaries(workspaceRoot, policy, await loadWorkspaceGraph(workspaceRoot));
  process.stdout.write(values.json ? `${JSON.stringify(report, null, 2)}\n` : formatBoundaries(report, painter(process.stdout)));
  return report.violations.length > 0 ? 1 : 0;
});

#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { workspaceRoot } from '@nx/devkit';
import { loadPolicy } from '@alphaswarm/policy';
import { painter } from '../lib/cli/paint.js';
import { runCli, usageError } from '../lib/cli/run-cli.js';
import { runDeep } from '../lib/deep/run-deep.js';
import { gateDomains } from '../lib/gate/evaluate-gate.js';
import { formatGate } from '../lib/gate/format-gate.js';
import { runGate } from '../lib/gate/run-gate.js';
import { loadWorkspaceGraph } from '../lib/nx/load-workspace-graph.js';

const help = `Usage: pnpm gate [--json] [domain…]
       pnpm gate --deep <domain> [--keep]

The Future Repo Split Gate: docs, packaging, boundaries, contracts and isolation for each
split-candidate domain of tools/policy/policy.json (or the named ones).

Exit codes: with no domain named, 0 after printing the report (a domain that is not ready is
information); with domains named, 1 when any of them is not ready (what a future repository's CI
runs); 1 on a user error. --deep exits 1 when the domain cannot build and validate on its own.

  --json          print {"domains": [{"domain", "ready", "criteria": [{"id", "ok", "detail"}]}]}
  --deep <domain> assemble the domain and its static dependency closure, and nothing else, in a
                  temporary workspace, install it from the pruned lockfile and the local pnpm
                  store (--frozen-lockfile --offline: no registry, no metadata cache) and run the
                  domain's documented validation commands there (progress on stderr)
  --keep          with --deep: keep the temporary workspace and print where it is
  --help          show this text
`;

runCli(async () => {
  let parsed: { values: { json?: boolean; help?: boolean; deep?: string; keep?: boolean }; positionals: string[] };
  try {
    parsed = parseArgs({
      options: { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' }, deep: { type: 'string' }, keep: { type: 'boolean' } },
      allowPositionals: true,
    });
  } catch (error) {
    throw usageError('gate', error);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(help);
    return 0;
  }
  const policy = loadPolicy(workspaceRoot);
  const progress = (line: string): void => {
    process.stderr.write(`${line}\n`);
  };
  if (values.deep !== undefined) {
    if (positionals.length > 0) throw usageError('gate', new Error(`--deep takes one domain; also got ${positionals.join(' ')}`));
    const [domain = values.deep] = gateDomains(policy, [values.deep]);
    const result = runDeep(workspaceRoot, policy, await loadWorkspaceGraph(workspaceRoot), domain, {
      keep: values.keep === true,
      progress,
    });
    process.stdout.write(values.json ? `${JSON.stringify(result, null, 2)}\n` : `${result.ok ? '✓' : '✗'} ${result.summary}\n`);
    return result.ok ? 0 : 1;
  }
  const domains = gateDomains(policy, positionals);
  const report = runGate(workspaceRoot, policy, await loadWorkspaceGraph(workspaceRoot), domains, progress);
  process.stdout.write(values.json ? `${JSON.stringify(report, null, 2)}\n` : formatGate(report, painter(process.stdout)));
  return positionals.length > 0 && report.domains.some((domain) => !domain.ready) ? 1 : 0;
});

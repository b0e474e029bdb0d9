#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { workspaceRoot } from '@nx/devkit';
import { loadPolicy } from '@alphaswarm/policy';
import { painter } from '../lib/cli/paint.js';
import { runCli, usageError } from '../lib/cli/run-cli.js';
import { gateDomains } from '../lib/gate/evaluate-gate.js';
import { formatGate } from '../lib/gate/format-gate.js';
import { runGate } from '../lib/gate/run-gate.js';
import { loadWorkspaceGraph } from '../lib/nx/load-workspace-graph.js';

const help = `Usage: pnpm gate [--json] [--deep] [--base <ref>] [domain…]

The Future Repo Split Gate: docs, packaging, boundaries, contracts and isolation for each
split-candidate domain of tools/policy/policy.json (or the named ones), each domain's deep proof,
the monolith's projects that stay, and the seed's migration order. A domain is ready when the five
criteria pass and its deep proof is fresh and passes. A criterion that cannot be judged because
another failed says "not checked (needs <criterion>)" (ok: null in --json).

Builds, API report checks and package checks run through Nx and are cached: a second run with
nothing changed takes seconds.

  --deep          prove the domains (all candidates when none is named): assemble each with its
                  static dependency closure, and nothing else, in an empty workspace outside the
                  repository, install it from the pruned lockfile and the local pnpm store
                  (--frozen-lockfile --offline) and run its validation commands there. Runs the
                  deep-proof Nx targets, so a proof of unchanged files comes from the cache.
                  Without --deep the gate only reads the proofs: fresh, stale or missing.
  --base <ref>    compare the API reports with <ref> (default: the merge base with main)
  --json          print {"domains": [...], "staying": [...], "migration": [...]}
  --help          show this text

Exit codes: with no domain named, 0 after printing the report (a domain that is not ready is
information); with domains named, 1 when any of them is not ready (what a future repository's CI
runs); 1 on a user error. To keep a deep proof's temporary workspace, run
node tools/split-gate/dist/bin/deep-proof.js <project> --keep.
`;

runCli(async () => {
  let parsed: { values: { json?: boolean; help?: boolean; deep?: boolean; base?: string }; positionals: string[] };
  try {
    parsed = parseArgs({
      options: { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' }, deep: { type: 'boolean' }, base: { type: 'string' } },
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
  const domains = gateDomains(policy, positionals);
  const report = runGate(workspaceRoot, policy, await loadWorkspaceGraph(workspaceRoot), domains, {
    deep: values.deep === true,
    base: values.base,
    progress: (line) => process.stderr.write(`${line}\n`),
  });
  process.stdout.write(values.json ? `${JSON.stringify(report, null, 2)}\n` : formatGate(report, painter(process.stdout)));
  return positionals.length > 0 && report.domains.some((domain) => !domain.ready) ? 1 : 0;
});

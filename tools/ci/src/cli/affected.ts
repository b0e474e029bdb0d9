#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { workspaceRoot } from '@nx/devkit';
import { VALIDATION_TARGETS } from '../affected/affected-report.js';
import { formatAffected } from '../affected/format-affected.js';
import { runAffected, writeGithubOutput } from '../affected/run-affected.js';
import { CiError } from '../ci-error.js';
import { runCli, usageError } from './run-cli.js';

const help = `Usage: pnpm affected <domain…> [--base=<ref>] [--head=<ref>] [-t <targets>] [--dry-run] [--json]

Run the validation tasks of one domain's affected projects: the projects of <domain> (by the
policy's tags) that Nx counts as affected between base and head, and of their tasks those whose
inputs (Nx's hash plan) contain a changed file. Prints which projects and tasks it chose and why
(changed file -> project, dependency path, root input), then what Nx ran, prerequisites included.
With nothing affected it runs nothing and says so. Several domains share one graph computation
and get a report each (--json then prints an array).

  --base <ref>     default: NX_BASE, then the merge base of HEAD with main (or origin/main)
  --head <ref>     default: NX_HEAD, then the working tree (uncommitted and untracked files, as Nx)
  -t, --targets    comma-separated targets (default: ${VALIDATION_TARGETS.join(',')})
  --dry-run        decide and report, run nothing
  --json           print the report as JSON on stdout (Nx's output goes to stderr)
  --help           show this text

Exit codes: 0 when every task that ran succeeded (or nothing ran), 1 when a task failed or on a
user error. In GitHub Actions it also writes affected=true|false to $GITHUB_OUTPUT.
`;

runCli(async () => {
  let parsed: {
    values: { base?: string; head?: string; targets?: string; 'dry-run'?: boolean; json?: boolean; help?: boolean };
    positionals: string[];
  };
  try {
    parsed = parseArgs({
      options: {
        base: { type: 'string' },
        head: { type: 'string' },
        targets: { type: 'string', short: 't' },
        'dry-run': { type: 'boolean' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      allowPositionals: true,
    });
  } catch (error) {
    throw usageError('affected', error);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(help);
    return 0;
  }
  if (positionals.length === 0) throw new CiError('ASW-961', 'name a domain, e.g. `pnpm affected controller`; run `pnpm affected --help`');
  const reports = await runAffected(workspaceRoot, {
    domains: positionals,
    base: values.base,
    head: values.head,
    targets: values.targets
      ?.split(',')
      .map((target) => target.trim())
      .filter(Boolean),
    dryRun: values['dry-run'] === true,
    env: process.env,
    progress: (line) => process.stderr.write(`${line}\n`),
  });
  writeGithubOutput(reports, process.env);
  const data = reports.length === 1 ? reports[0] : reports;
  process.stdout.write(values.json ? `${JSON.stringify(data, null, 2)}\n` : reports.map(formatAffected).join('\n'));
  return reports.every((report) => report.ok) ? 0 : 1;
});

#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { loadPolicy } from '@alphaswarm/policy';
import { BenchError } from '../lib/bench-error.js';
import { generateWorkspace } from '../lib/generate-workspace.js';
import { benchNodeModules, repositoryRoot } from '../lib/repository-paths.js';
import { runCli, wholeNumber } from '../lib/run-cli.js';
import { writeWorkspace } from '../lib/write-workspace.js';

const help = `Usage: pnpm bench:generate --projects N --files-per-project M [--seed S] --out DIR [--json]

Write a synthetic pnpm + Nx workspace to DIR (outside the repository): the policy's product domains
(and generated ext-N domains past 25 projects a domain), N tagged projects in an acyclic dependency
shape the policy allows, M TypeScript files each, and injected violations of every kind the
engine knows, listed in DIR/ground-truth.json. The same options give the same bytes. DIR/node_modules
links to tools/bench/node_modules so Nx, ESLint and dependency-cruiser run there without an install.

  --projects N            tagged projects (at least 20)
  --files-per-project M   TypeScript files per project (at least 4)
  --seed S                seed of the generator (default 1)
  --out DIR               the folder to write (empty, new, or an earlier generated workspace)
  --json                  print the ground truth's summary as JSON
  --help                  show this text
`;

runCli(async () => {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      options: {
        projects: { type: 'string' },
        'files-per-project': { type: 'string' },
        seed: { type: 'string' },
        out: { type: 'string' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    throw new BenchError('ASW-1402', `${(error as Error).message}; run \`pnpm bench:generate --help\` for usage`);
  }
  if (values['help']) {
    process.stdout.write(help);
    return 0;
  }
  const out = values['out'];
  if (typeof out !== 'string') throw new BenchError('ASW-1402', 'give --out DIR, a folder outside the repository');
  const options = {
    projects: wholeNumber('projects', values['projects'] as string | undefined, Number.NaN),
    filesPerProject: wholeNumber('files-per-project', values['files-per-project'] as string | undefined, Number.NaN),
    seed: wholeNumber('seed', values['seed'] as string | undefined, 1),
  };
  const workspace = generateWorkspace(loadPolicy(repositoryRoot), options);
  writeWorkspace(workspace, out, repositoryRoot, benchNodeModules);
  const { files, projects, violations } = workspace.groundTruth;
  const summary = { out, files, projects, violations: violations.length };
  process.stdout.write(
    values['json']
      ? `${JSON.stringify(summary)}\n`
      : `${out}: ${projects} projects, ${files} source files, ${violations.length} injected violations\n`,
  );
  return 0;
});

#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { workspaceRoot } from '@nx/devkit';
import { runCli, usageError } from '../lib/cli/run-cli.js';
import { loadWorkspaceGraph } from '../lib/nx/load-workspace-graph.js';
import { writeImageContexts } from '../lib/package/image-contexts.js';

const help = `Usage: node tools/split-gate/dist/bin/pack.js --images <images.json>   (the image target: pnpm nx run deployment:image)

For each image build contract of <images.json>, write its build context — the packaged subset of its
project: the pnpm pack tarballs of the project and of the workspace packages it depends on, and a
lockfile that installs them — to the contract's "context", and prove it installs (frozen, offline,
production only) and that the project's bins answer --help. With a Docker engine, also runs
docker build from that context. Exit 1 when an image's context does not prove out.
`;

runCli(async () => {
  let values: { help?: boolean; images?: string };
  try {
    ({ values } = parseArgs({ options: { help: { type: 'boolean', short: 'h' }, images: { type: 'string' } }, allowPositionals: false }));
  } catch (error) {
    throw usageError('pack', error);
  }
  if (values.help) {
    process.stdout.write(help);
    return 0;
  }
  if (values.images === undefined) throw usageError('pack', new Error('--images <images.json> is required'));
  const graph = await loadWorkspaceGraph(workspaceRoot);
  const results = writeImageContexts(workspaceRoot, graph.projects, values.images, (line) => process.stderr.write(`[image] ${line}\n`));
  for (const result of results) process.stdout.write(`${result.ok ? '✓' : '✗'} ${result.image}: ${result.detail}\n`);
  return results.every((result) => result.ok) ? 0 : 1;
});

#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { workspaceRoot } from '@nx/devkit';
import { exportGraph, GRAPH_DIR } from '../graph/export-graph.js';
import { runCli, usageError } from './run-cli.js';

const help = `Usage: pnpm graph [--json]

Write the Nx project graph to ${GRAPH_DIR}/: graph.html, a static page that renders offline (open it
in a browser; the files it loads sit beside it), and graph.json (project nodes with their tags, and
their dependencies). CI uploads the folder as an artifact. No network is used.

  --json   print {"html", "json", "assets", "repaired"} for machines
  --help   show this text
`;

runCli(async () => {
  let values: { json?: boolean; help?: boolean };
  try {
    ({ values } = parseArgs({ options: { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } }, allowPositionals: false }));
  } catch (error) {
    throw usageError('graph', error);
  }
  if (values.help) {
    process.stdout.write(help);
    return 0;
  }
  process.stderr.write('writing the project graph (nx graph --file)\n');
  const result = exportGraph(workspaceRoot);
  process.stdout.write(
    values.json
      ? `${JSON.stringify(result, null, 2)}\n`
      : `wrote ${result.html} (${result.assets.length} files beside it${result.repaired.length > 0 ? `; copied ${result.repaired.join(', ')} that Nx did not write` : ''}) and ${result.json}\n`,
  );
  return 0;
});

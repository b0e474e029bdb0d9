#!/usr/bin/env node
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { workspaceRoot } from '@nx/devkit';
import { checkErrorCodes, loadErrorRegistry, loadPolicy } from '@alphaswarm/policy';
import { runCli, usageError } from '../lib/cli/run-cli.js';
import { renderDomainMap } from '../lib/docs/render-domain-map.js';
import { renderErrors } from '../lib/docs/render-errors.js';
import { renderLegacyImports } from '../lib/docs/render-legacy-imports.js';
import { collectErrorCodeUses } from '../lib/errors/collect-error-code-uses.js';
import { renderSplitReadiness } from '../lib/docs/render-split-readiness.js';
import { gateDomains } from '../lib/gate/evaluate-gate.js';
import { runGate } from '../lib/gate/run-gate.js';
import { loadWorkspaceGraph } from '../lib/nx/load-workspace-graph.js';
import { SplitGateError } from '../lib/split-gate-error.js';

const help = `Usage: pnpm docs:update   (node tools/split-gate/dist/bin/docs.js)
       pnpm docs:check    (the same with --check)

Regenerate docs/domain-map.md (from the policy), docs/split-readiness.md (from the gate, run as
\`pnpm gate --deep --base HEAD\`: every deep proof computed — from the Nx cache when nothing
changed — and the API reports compared with the commit itself, so every clone renders the same),
docs/errors.md (from tools/policy/error-codes.json, after checking every code the sources name
against it), and each <project>/src/legacy-imports.ts (from the policy's shims).
With --check, write nothing and exit 1 when a file differs from what would be generated.
`;

runCli(async () => {
  let values: { check?: boolean; help?: boolean };
  try {
    ({ values } = parseArgs({ options: { check: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } }, allowPositionals: false }));
  } catch (error) {
    throw usageError('docs', error);
  }
  if (values.help) {
    process.stdout.write(help);
    return 0;
  }
  const policy = loadPolicy(workspaceRoot);
  const graph = await loadWorkspaceGraph(workspaceRoot);
  const errors = loadErrorRegistry(workspaceRoot);
  const codeProblems = checkErrorCodes(errors, collectErrorCodeUses(workspaceRoot, graph.projects));
  if (codeProblems.length > 0)
    throw new SplitGateError(
      'ASW-1210',
      `the sources and tools/policy/error-codes.json disagree:\n${codeProblems.map((problem) => `  - ${problem}`).join('\n')}`,
    );
  const progress = (line: string): void => {
    process.stderr.write(`${line}\n`);
  };
  const docs = {
    'docs/domain-map.md': renderDomainMap(policy, graph),
    'docs/errors.md': renderErrors(errors),
    'docs/split-readiness.md': renderSplitReadiness(
      runGate(workspaceRoot, policy, graph, gateDomains(policy, []), { deep: true, base: 'HEAD', progress }),
    ),
    ...renderLegacyImports(policy, graph.projects),
  };
  let drifted = 0;
  for (const [file, text] of Object.entries(docs)) {
    const path = join(workspaceRoot, file);
    const current = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
    if (current === text) continue;
    if (values.check) {
      drifted += 1;
      process.stderr.write(`${file} is ${current === undefined ? 'missing' : 'out of date'}: run \`pnpm docs:update\` and commit it\n`);
    } else {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, text);
      process.stdout.write(`wrote ${file}\n`);
    }
  }
  if (values.check && drifted === 0) process.stdout.write(`${Object.keys(docs).join(', ')} are up to date\n`);
  return drifted > 0 ? 1 : 0;
});

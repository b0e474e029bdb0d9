import { spawnSync } from 'node:child_process';
import { relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BoundaryReport } from '../lib/boundaries/check-boundaries.js';
import { importSpecifiers } from '../lib/boundaries/import-specifiers.js';
import { createTempWorkspace, type TempWorkspace } from './temp-workspace.js';

const slow = 600_000;

/** One import per probe file: [project, probe name, source, forbidden?]. */
const probes: [string, string, string, boolean][] = [
  ['core', 'static-controller', "import { manageBase } from '@alphaswarm/controller';\nexport const probe = manageBase;\n", true],
  ['core', 'type-client', "import type * as Client from '@alphaswarm/client';\nexport type Probe = typeof Client;\n", true],
  ['core', 'reexport-snippets', "export * from '@alphaswarm/snippets';\n", true],
  ['core', 'dynamic-rl', "export const probe = () => import('@alphaswarm/rl');\n", true],
  ['core', 'typeof-import-bots', "export type Probe = typeof import('@alphaswarm/bots');\n", true],
  ['core', 'import-equals-deployment', "import deployment = require('@alphaswarm/deployment');\nexport const probe = deployment;\n", true],
  ['core', 'relative-deployment', "import '../../../deployment/src/index.js';\n", true],
  ['core', 'banned-express', "import express from 'express';\nexport const probe = express;\n", true],
  ['controller', 'monolith', "import * as monolith from '@alphaswarm/monolith';\nexport const probe = monolith;\n", true],
  ['controller', 'relative-core', "import '../../../core/src/index.js';\n", true],
  ['client', 'controller', "import * as controller from '@alphaswarm/controller';\nexport const probe = controller;\n", true],
  ['bots', 'shim-path', "import * as legacy from '@alphaswarm/monolith/rl';\nexport const probe = legacy;\n", true],
  ['rl', 'monolith', "import * as monolith from '@alphaswarm/monolith';\nexport const probe = monolith;\n", true],
  ['monolith', 'models-outside-shim', "import * as models from '@alphaswarm/models';\nexport const probe = models;\n", true],
  ['monolith', 'shim-module', "import * as legacy from '../rl/index.js';\nexport const probe = legacy;\n", true],
  ['deployment', 'snippets', "import * as snippets from '@alphaswarm/snippets';\nexport const probe = snippets;\n", true],
  ['controller', 'core-allowed', "import * as core from '@alphaswarm/core';\nexport const probe = core;\n", false],
  ['rl', 'primitives-allowed', "import * as primitives from '@alphaswarm/monolith-primitives';\nexport const probe = primitives;\n", false],
  ['bots', 'monolith-allowed', "import * as monolith from '@alphaswarm/monolith';\nexport const probe = monolith;\n", false],
];
const probeFile = (project: string, name: string) => `packages/${project}/src/boundary-probe/${name}.ts`;

/** Where a probe's one import points: a workspace project (by package name or folder) or `npm:<package>`. */
function targetOf(file: string, source: string): string {
  const [specifier = ''] = importSpecifiers(source);
  if (specifier.startsWith('.'))
    return /^packages\/([^/]+)/.exec(new URL(specifier, `file:///${file}`).pathname.slice(1))?.[1] ?? specifier;
  if (specifier.startsWith('@alphaswarm/')) return specifier.split('/')[1] ?? specifier;
  return `npm:${specifier}`;
}

const lintScript = `
import { ESLint } from 'eslint';
const eslint = new ESLint({ cwd: process.cwd() });
const results = await eslint.lintFiles(process.argv.slice(2));
process.stdout.write(JSON.stringify(results.map((result) => ({ filePath: result.filePath, messages: result.messages.map(({ ruleId, message, fatal }) => ({ ruleId, message, fatal })) }))));
`;

describe('pnpm boundaries and ESLint agree on a real temporary workspace', () => {
  let workspace: TempWorkspace;
  let report: BoundaryReport;
  let status: number;
  let eslint: { filePath: string; messages: { ruleId: string | null; message: string; fatal?: boolean }[] }[];

  beforeAll(() => {
    workspace = createTempWorkspace();
    for (const [project, name, source] of probes) workspace.write(probeFile(project, name), source);
    const run = workspace.cli('boundaries', ['--json']);
    status = run.status;
    report = JSON.parse(run.stdout) as BoundaryReport;
    workspace.write('lint-probes.mjs', lintScript);
    const lint = spawnSync(process.execPath, ['lint-probes.mjs', ...probes.map(([project, name]) => probeFile(project, name))], {
      cwd: workspace.root,
      encoding: 'utf8',
      env: workspace.env,
      maxBuffer: 64 * 1024 * 1024,
    });
    eslint = JSON.parse(lint.stdout) as typeof eslint;
  }, slow);
  afterAll(() => workspace?.dispose(), slow);

  it('exits 1 and reports exactly the forbidden probes', () => {
    const reported = report.violations.map((violation) => `${violation.file} ${violation.project} → ${violation.target}`).sort();
    const expected = probes
      .filter(([, , , forbidden]) => forbidden)
      .map(([project, name, source]) => `${probeFile(project, name)} ${project} → ${targetOf(probeFile(project, name), source)}`)
      .sort();
    expect([status, reported]).toEqual([1, expected]);
  });

  it('finds the same (file, importing project, imported project) set as ESLint with the real config', () => {
    expect(eslint.flatMap((result) => result.messages.filter((message) => message.fatal))).toEqual([]);
    const boundaryRules = ['@nx/enforce-module-boundaries', 'no-restricted-syntax', 'alphaswarm/no-cross-root-path'];
    const boundary = (message: { ruleId: string | null; message: string }) =>
      boundaryRules.includes(message.ruleId ?? '') && !message.message.startsWith('Circular dependency');
    const fromEslint = eslint
      .filter((result) => result.messages.some(boundary))
      .map((result) => {
        const file = relative(workspace.root, result.filePath);
        const [project = '', name = ''] = /^packages\/([^/]+)\/src\/boundary-probe\/(.+)\.ts$/.exec(file)?.slice(1) ?? [];
        const source = probes.find(([p, n]) => p === project && n === name)?.[2] ?? '';
        return `${file} ${project} → ${targetOf(file, source)}`;
      })
      .sort();
    const fromChecker = report.violations.map((violation) => `${violation.file} ${violation.project} → ${violation.target}`).sort();
    expect(fromChecker).toEqual(fromEslint);
  });

  it('leaves ESLint no cycle without a reported violation in it (the policy allows no cycle)', () => {
    const flagged = new Set(report.violations.map((violation) => violation.file));
    const chains = eslint.flatMap((result) =>
      result.messages
        .filter((message) => message.message.startsWith('Circular dependency'))
        .map((message) => [...message.message.matchAll(/^- (\S+)$/gm)].map((match) => match[1] ?? '')),
    );
    expect(chains.length).toBeGreaterThan(0);
    expect(chains.filter((chain) => !chain.some((file) => flagged.has(file)))).toEqual([]);
  });

  it('reports the forms the Nx lint rule misses, from the graph, with the seed rule and a fix', () => {
    const find = (name: string) => report.violations.find((violation) => violation.file === probeFile('core', name));
    expect(
      [find('typeof-import-bots'), find('import-equals-deployment')].map((violation) => [
        violation?.target,
        violation?.kind,
        violation?.evidence,
        violation?.rule,
      ]),
    ).toEqual([
      ['bots', 'forbidden-import', ['dynamic'], 'core-isolated'],
      ['deployment', 'forbidden-import', ['static'], 'core-isolated'],
    ]);
    expect(find('typeof-import-bots')?.fix).toBe(
      'core may import nothing outside itself; move the shared part into an allowed domain, or talk to bots through a typed contract (core) or its HTTP API.',
    );
  });

  it(
    'prints violations grouped by domain for people',
    () => {
      const text = workspace.cli('boundaries', []).stdout;
      const headings = text.split('\n').filter((line) => /^[a-z-]+ \(\d+\)$/.test(line));
      expect(headings).toEqual(['bots (1)', 'client (1)', 'controller (2)', 'core (8)', 'deployment (1)', 'monolith (2)', 'rl (1)']);
    },
    slow,
  );
});

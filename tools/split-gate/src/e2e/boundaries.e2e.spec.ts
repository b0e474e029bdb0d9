import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { SPECIFIER_CACHE_PATH } from '@alphaswarm/policy';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BoundaryReport } from '../lib/boundaries/check-boundaries.js';
import { createTempWorkspace, type TempWorkspace } from './temp-workspace.js';

/*
 * ESLint and `pnpm boundaries` agree, on every form of the issue, in every extension, in src/ and
 * outside it: one temporary copy of the workspace, one ESLint run and one `pnpm boundaries` run over
 * all the probes (plus the runs the stale-cache and policy cases need).
 */

const slow = 900_000;
const extensions = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs'] as const;
type Extension = (typeof extensions)[number];
const isTs = (extension: Extension): boolean => extension.includes('t');
const isCjs = (extension: Extension): boolean => extension === '.cjs';
const base = (extension: Extension): string => (extension === '.cjs' || extension === '.cts' ? '__filename' : 'import.meta.url');

/** One form of the issue: who imports whom with it, and its line in a file of each extension (undefined where the syntax does not exist). */
interface Form {
  readonly form: string;
  readonly from: string;
  readonly to: string;
  readonly line: (specifier: string, extension: Extension) => string | undefined;
  /** How the form names the target: by package (the default) or by a path from the probe file. */
  readonly by?: 'path';
}

const forms: readonly Form[] = [
  {
    form: 'import',
    from: 'core',
    to: 'controller',
    line: (s, e) => (isCjs(e) ? undefined : `import { manageBase } from '${s}';\nexport { manageBase };`),
  },
  {
    form: 'import-type',
    from: 'client',
    to: 'controller',
    line: (s, e) => (isTs(e) ? `import type * as Probe from '${s}';\nexport type { Probe };` : undefined),
  },
  {
    form: 'export-from',
    from: 'snippets',
    to: 'monolith',
    line: (s, e) => (isCjs(e) ? undefined : `export { monolithError } from '${s}';`),
  },
  { form: 'export-star', from: 'core', to: 'snippets', line: (s, e) => (isCjs(e) ? undefined : `export * from '${s}';`) },
  { form: 'side-effect', from: 'deployment', to: 'bots', line: (s, e) => (isCjs(e) ? undefined : `import '${s}';`) },
  { form: 'dynamic', from: 'core', to: 'rl', line: (s) => `export const probe = () => import('${s}');` },
  { form: 'template', from: 'controller', to: 'snippets', line: (s) => `export const probe = () => import(\`${s}\`);` },
  { form: 'require', from: 'rl', to: 'monolith', line: (s) => `exports.probe = require('${s}');` },
  { form: 'typeof-import', from: 'core', to: 'bots', line: (s, e) => (isTs(e) ? `export type Probe = typeof import('${s}');` : undefined) },
  {
    form: 'import-equals',
    from: 'core',
    to: 'deployment',
    line: (s, e) => (isTs(e) ? `import probe = require('${s}');\nexport { probe };` : undefined),
  },
  { form: 'require-resolve', from: 'controller', to: 'monolith', line: (s) => `exports.probe = require.resolve('${s}');` },
  {
    form: 'import-meta-resolve',
    from: 'client',
    to: 'models',
    line: (s, e) => (isCjs(e) || e === '.cts' ? undefined : `export const probe = import.meta.resolve('${s}');`),
  },
  {
    form: 'create-require',
    from: 'models',
    to: 'bots',
    line: (s, e) =>
      `${isCjs(e) ? "const { createRequire } = require('node:module');" : "import { createRequire } from 'node:module';"}\nexports.probe = createRequire(${base(e)})('${s}');`,
  },
  { form: 'vi-mock', from: 'bots', to: 'client', line: (s) => `vi.mock('${s}');` },
  { form: 'vi-import-actual', from: 'controller', to: 'snippets', line: (s) => `exports.probe = vi.importActual('${s}');` },
  { form: 'jest-mock', from: 'monolith', to: 'rl', line: (s) => `jest.mock('${s}');` },
  { form: 'reference-types', from: 'core', to: 'controller', line: (s) => `/// <reference types="${s}" />\nexports.probe = 1;` },
  {
    form: 'reference-path',
    from: 'snippets',
    to: 'core',
    by: 'path',
    line: (p) => `/// <reference path="${p}/src/index.ts" />\nexports.probe = 1;`,
  },
  {
    form: 'new-url',
    from: 'client',
    to: 'controller',
    by: 'path',
    line: (p, e) => (isCjs(e) || e === '.cts' ? undefined : `export const probe = new URL('${p}/dist/main.js', import.meta.url);`),
  },
  { form: 'relative', from: 'controller', to: 'core', by: 'path', line: (p) => `exports.probe = require('${p}/src/index.js');` },
  { form: 'banned', from: 'core', to: 'npm:express', line: (s) => `exports.probe = require('${s}');` },
  { form: 'legacy-shim', from: 'bots', to: 'monolith', line: (s) => `exports.probe = require('${s}/rl');` },
  { form: 'unverifiable', from: 'core', to: '(unverifiable)', line: () => 'exports.probe = (name) => import(name);' },
];

/** Allowed imports in the same forms: neither checker may report them. */
const allowed: readonly Form[] = forms
  .filter((form) => !form.by && !['banned', 'legacy-shim', 'unverifiable'].includes(form.form))
  .map((form) => ({ ...form, form: `allowed-${form.form}`, from: 'controller', to: 'core' }));

interface Probe {
  readonly file: string;
  readonly from: string;
  readonly to: string;
  readonly text: string;
  readonly forbidden: boolean;
}

const jsx = (extension: Extension): string => (extension.endsWith('x') ? "\nexport const view = <p>It's a probe</p>;" : '');
const specifierOf = (form: Form, file: string): string => {
  if (form.by === 'path') return relative(join(file, '..'), `packages/${form.to}`);
  if (form.to.startsWith('npm:')) return form.to.slice(4);
  return `@alphaswarm/${form.to}`;
};
const probes: Probe[] = [...forms, ...allowed].flatMap((form) =>
  extensions.flatMap((extension) =>
    ['src/boundary-probe', 'scripts/boundary-probe'].flatMap((folder) => {
      const file = `packages/${form.from}/${folder}/${form.form}${extension}`;
      const line = form.line(specifierOf(form, file), extension);
      return line === undefined
        ? []
        : [{ file, from: form.from, to: form.to, text: `${line}${jsx(extension)}\n`, forbidden: !form.form.startsWith('allowed-') }];
    }),
  ),
);

/** The untagged project, importing by package, by legacy shim path and by relative path. */
const stray: Probe[] = [
  {
    file: 'packages/stray/src/index.ts',
    from: '@alphaswarm/stray',
    to: 'controller',
    text: "import { manageBase } from '@alphaswarm/controller';\nexport { manageBase };\n",
    forbidden: true,
  },
  {
    file: 'packages/stray/src/legacy.ts',
    from: '@alphaswarm/stray',
    to: 'monolith',
    text: "import * as legacy from '@alphaswarm/monolith/rl';\nexport { legacy };\n",
    forbidden: true,
  },
  {
    file: 'packages/stray/src/relative.ts',
    from: '@alphaswarm/stray',
    to: 'rl',
    text: "import '../../rl/src/index.js';\n",
    forbidden: true,
  },
];
/** The client's real files that reach into the controller by path: documented exceptions, reported by neither. */
const documented = [
  'packages/client/src/manage-api.integration.spec.ts',
  'packages/client/src/generated-api.integration.spec.ts',
  'packages/client/scripts/generate-api.mjs',
];

const lintScript = `
import { ESLint } from 'eslint';
try {
  const eslint = new ESLint({ cwd: process.cwd() });
  const results = await eslint.lintFiles(process.argv.slice(2));
  process.stdout.write(JSON.stringify(results.map((result) => ({ filePath: result.filePath, messages: result.messages.map(({ ruleId, message, fatal, line }) => ({ ruleId, message, fatal, line })) }))));
} catch (error) {
  process.stderr.write(error.message);
  process.exitCode = 2;
}
`;

type LintResults = { filePath: string; messages: { ruleId: string | null; message: string; fatal?: boolean; line: number }[] }[];

/** `file from → to` for every boundary message ESLint printed (the engine's message starts `from → to: `). */
function eslintTuples(workspace: TempWorkspace, results: LintResults): string[] {
  return results.flatMap((result) =>
    result.messages
      .filter((message) => message.ruleId === 'alphaswarm/boundaries')
      .map(
        (message) =>
          `${relative(workspace.root, result.filePath)} ${/^(\S+) → (\S+): /.exec(message.message)?.slice(1).join(' → ') ?? message.message}`,
      ),
  );
}
const checkerTuples = (report: BoundaryReport): string[] =>
  report.violations
    .filter((violation) => violation.evidence !== 'project')
    .map((violation) => `${violation.file} ${violation.project} → ${violation.target}`);
const expectedTuples = (list: readonly Probe[]): string[] =>
  list.filter((probe) => probe.forbidden).map((probe) => `${probe.file} ${probe.from} → ${probe.to}`);

describe('pnpm boundaries and ESLint agree on a real temporary workspace', () => {
  let workspace: TempWorkspace;
  let clean: { status: number; report: BoundaryReport };
  let stale: { status: number; report: BoundaryReport };
  let fresh: { status: number; report: BoundaryReport };
  let warm: { status: number; report: BoundaryReport };
  let uncached: { status: number; report: BoundaryReport };
  let eslint: LintResults;
  const lint = (files: readonly string[]): { status: number; results: LintResults; stderr: string } => {
    const run = spawnSync(process.execPath, ['lint-probes.mjs', ...files], {
      cwd: workspace.root,
      encoding: 'utf8',
      env: workspace.env,
      maxBuffer: 64 * 1024 * 1024,
    });
    return { status: run.status ?? -1, results: run.status === 2 ? [] : (JSON.parse(run.stdout) as LintResults), stderr: run.stderr };
  };
  const boundaries = (env: NodeJS.ProcessEnv = {}, args: string[] = []): { status: number; report: BoundaryReport; stderr: string } => {
    const run = workspace.cli('boundaries', ['--json', ...args], env);
    return { status: run.status, report: (run.stdout ? JSON.parse(run.stdout) : { violations: [] }) as BoundaryReport, stderr: run.stderr };
  };

  beforeAll(() => {
    workspace = createTempWorkspace();
    workspace.write('lint-probes.mjs', lintScript);
    // A first run leaves the Nx cache behind; the probes below are written after it, so the cache is stale for them.
    clean = boundaries();
    workspace.write(
      'packages/stray/package.json',
      `${JSON.stringify({ name: '@alphaswarm/stray', version: '0.0.0', type: 'module' }, null, 2)}\n`,
    );
    for (const probe of [...probes, ...stray]) workspace.write(probe.file, probe.text);
    stale = boundaries({ NX_CACHE_PROJECT_GRAPH: 'false' });
    eslint = lint([...probes, ...stray].map((probe) => probe.file).concat(documented)).results;
    rmSync(join(workspace.root, '.nx'), { recursive: true, force: true });
    fresh = boundaries();
    // The run before left every source's specifiers in the cache; then without the cache.
    warm = boundaries();
    uncached = boundaries({}, ['--no-cache']);
  }, slow);
  afterAll(() => workspace?.dispose(), slow);

  it('the workspace as committed has no violation, and its documented exceptions are used', () => {
    expect([clean.status, clean.report.violations]).toEqual([0, []]);
    expect(clean.report.summary.exceptions.map((exception) => [exception.id, exception.usedBy])).toEqual([
      ['client-manage-api-integration', ['packages/client/src/manage-api.integration.spec.ts']],
      ['client-openapi-contract', ['packages/client/scripts/generate-api.mjs', 'packages/client/src/generated-api.integration.spec.ts']],
    ]);
  });

  it('covers every form in every extension, in src and outside it', () => {
    expect(new Set(probes.map((probe) => probe.file.slice(probe.file.lastIndexOf('.')))).size).toBe(extensions.length);
    expect(probes.filter((probe) => probe.forbidden).length).toBeGreaterThan(250);
  });

  it('pnpm boundaries reports every forbidden probe, and no allowed one, with a stale Nx cache', () => {
    expect(stale.status).toBe(1);
    expect(checkerTuples(stale.report).sort()).toEqual(expectedTuples([...probes, ...stray]).sort());
  });

  it('ESLint with the real config reports the same (file, importing project, imported project) set', () => {
    expect(eslint.flatMap((result) => result.messages.filter((message) => message.fatal))).toEqual([]);
    expect(eslintTuples(workspace, eslint).sort()).toEqual(checkerTuples(stale.report).sort());
  });

  it('gives the same verdict on a fresh Nx cache as on a stale or disabled one', () => {
    expect(fresh).toEqual(stale);
  });

  it('gives the same verdict with the specifier cache warm, cold (no .nx folder) or off, and says where it keeps it', () => {
    expect(warm).toEqual(fresh);
    expect(uncached).toEqual(fresh);
    expect(existsSync(join(workspace.root, SPECIFIER_CACHE_PATH))).toBe(true);
    expect(workspace.cli('boundaries', ['--help']).stdout).toContain(`(kept in ${SPECIFIER_CACHE_PATH},`);
  });

  it('names the untagged project itself, and both projects and the seed rule in every message', () => {
    expect(
      stale.report.violations.filter((violation) => violation.evidence === 'project').map((violation) => [violation.file, violation.kind]),
    ).toEqual([['packages/stray/package.json', 'untagged-project']]);
    const unnamed = stale.report.violations.filter(
      (violation) =>
        !violation.message.startsWith(`${violation.project} → ${violation.target}: `) ||
        !violation.message.includes(`(${violation.citation}) Fix: `) ||
        !violation.citation.startsWith(`${violation.rule}`),
    );
    expect(unnamed).toEqual([]);
    const file = 'packages/controller/scripts/boundary-probe/template.mjs';
    const template = stale.report.violations.find((violation) => violation.file === file);
    const column = (probes.find((probe) => probe.file === file)?.text.indexOf('`') ?? -1) + 1;
    expect(template).toMatchObject({
      line: 1,
      column,
      project: 'controller',
      target: 'snippets',
      kind: 'forbidden-import',
      rule: 'snippets-read-only',
    });
  });

  it(
    'pnpm lint runs ESLint and names both projects, even though the forbidden imports leave the TypeScript references out of sync',
    () => {
      // `pnpm lint` is `nx run-many -t lint`; its tasks (and the engine's build they depend on) must not stop at Nx's sync check.
      const run = spawnSync(join(workspace.root, 'node_modules/.bin/nx'), ['run-many', '-t', 'lint', '-p', 'core'], {
        cwd: workspace.root,
        encoding: 'utf8',
        env: workspace.env,
        maxBuffer: 64 * 1024 * 1024,
      });
      const output = `${run.stdout}${run.stderr}`;
      expect({ status: run.status, outOfSync: output.includes('out of sync') }).toEqual({ status: 1, outOfSync: false });
      expect(output).toContain('core → controller: "@alphaswarm/controller": core may not import controller');
      expect(output).toContain('alphaswarm/boundaries');
    },
    slow,
  );

  describe('policy edits', () => {
    const policyFile = 'tools/policy/policy.json';
    let original: string;
    beforeAll(() => {
      original = readFileSync(join(workspace.root, policyFile), 'utf8');
    });
    afterAll(() => workspace.write(policyFile, original));
    const edit = (change: (policy: { domains: { name: string; mayImport: string[]; importableBy: string[] }[] }) => void): void => {
      const policy = JSON.parse(original) as { domains: { name: string; mayImport: string[]; importableBy: string[] }[] };
      change(policy);
      workspace.write(policyFile, JSON.stringify(policy, null, 2));
    };
    const domain = (policy: { domains: { name: string; mayImport: string[]; importableBy: string[] }[] }, name: string) =>
      policy.domains.find((candidate) => candidate.name === name) as { mayImport: string[]; importableBy: string[] };

    it(
      'a symmetric edit leaves the type dimension, which both report the same way',
      () => {
        edit((policy) => {
          domain(policy, 'controller').mayImport.push('snippets');
          domain(policy, 'snippets').importableBy.push('controller');
        });
        const file = 'packages/controller/scripts/boundary-probe/template.mjs';
        const checker = boundaries().report.violations.filter((violation) => violation.file === file);
        const linted = lint([file]).results.flatMap((result) => result.messages.map((message) => message.message));
        expect(checker.map((violation) => [violation.kind, violation.rule])).toEqual([['forbidden-type', 'typed-contracts']]);
        expect(linted).toEqual(checker.map((violation) => violation.message));
        expect(linted[0]).toContain('controller is type:service and may import only type:contract; snippets is type:knowledge');
      },
      slow,
    );

    it(
      'a one-sided edit stops both before anything is judged, with the same message',
      () => {
        edit((policy) => domain(policy, 'controller').mayImport.push('snippets'));
        const checker = boundaries();
        // ESLint's own command line, as `pnpm lint` runs it.
        const linted = spawnSync(
          process.execPath,
          [join(workspace.root, 'node_modules/eslint/bin/eslint.js'), 'packages/controller/scripts/boundary-probe/template.mjs'],
          { cwd: workspace.root, encoding: 'utf8', env: workspace.env },
        );
        const message =
          'ASW-002 tools/policy/policy.json is inconsistent:\n  - "controller" may import "snippets", but "snippets".importableBy does not list "controller"';
        expect([checker.status, checker.stderr.trim()]).toEqual([1, message]);
        expect([linted.status, linted.stderr.trim().split('\n\n').at(-1)]).toEqual([2, message]);
      },
      slow,
    );
  });
});

import { describe, expect, it } from 'vitest';
import type { ApiReportStatus } from '@alphaswarm/api-report';
import { syntheticProjects } from '../testing/synthetic-graph.js';
import type { WorkspaceProject } from '../workspace-graph.js';
import { checkBoundariesCriterion } from './check-boundaries-criterion.js';
import { checkContracts } from './check-contracts.js';
import { checkDocs } from './check-docs.js';
import { checkPackaging } from './check-packaging.js';
import type { ProjectFacts } from './gate-facts.js';

const core: WorkspaceProject = {
  ...(syntheticProjects[0] as WorkspaceProject),
  targets: {
    build: { outputs: ['packages/core/dist/**/*.{js,d.ts}'], dependsOnProjects: [] },
    lint: { outputs: [], dependsOnProjects: [] },
    test: { outputs: [], dependsOnProjects: [] },
    'api-report': { outputs: [], dependsOnProjects: ['api-report'] },
  },
};
const prose = (words: number): string =>
  Array.from({ length: words }, (_, index) => `word${String.fromCharCode(97 + (index % 26))}`).join(' ');
const readme = `# @alphaswarm/core\n\n${prose(70)}\n\n## Validation\n\n\`\`\`sh\npnpm nx run-many -t lint test -p core\n\`\`\`\n`;
const agents = `# AGENTS\n\n${prose(45)}\n\n\`\`\`sh\npnpm nx run core:api-report\n\`\`\`\n`;
const manifest = {
  name: '@alphaswarm/core',
  version: '0.1.0',
  exports: {
    '.': { types: './dist/index.d.ts', '@alphaswarm/source': './src/index.ts', import: './dist/index.js' },
    './package.json': './package.json',
  },
};
const ok: ApiReportStatus = { subpath: '.', report: 'api/index.api.md', status: 'ok' };
const facts = (overrides: Partial<ProjectFacts> = {}): Map<string, ProjectFacts> =>
  new Map([
    [
      'core',
      {
        readme,
        agents,
        manifest,
        build: { ok: true },
        apiReports: { ok: true, statuses: [ok], reported: { 'api/index.api.md': '0.1.0' } },
        ...overrides,
      },
    ],
  ]);

describe('checkDocs', () => {
  it('passes real prose that lists existing targets', () => {
    expect(checkDocs('core', [core], facts(), [core])).toEqual({
      id: 'docs',
      ok: true,
      detail:
        'README.md and AGENTS.md are real prose and list 2 validation commands (`pnpm nx run-many -t lint test -p core`, `pnpm nx run core:api-report`), all existing Nx targets',
    });
  });

  it.each([
    [
      'a missing AGENTS.md',
      { agents: undefined },
      'packages/core/AGENTS.md is missing: add it with the commands that must pass before a change is done, the boundaries the package lives under and what not to edit',
    ],
    [
      'a stub README.md',
      { readme: '# core\n\nSoon.\n\n`pnpm nx test core`\n' },
      'packages/core/README.md has 2 words of prose, fewer than 60: write',
    ],
    [
      'a placeholder',
      { agents: agents.replace('worda', 'TODO') },
      'packages/core/AGENTS.md still has placeholders (TODO): replace them with the real text',
    ],
    [
      'no heading',
      { agents: agents.replace('# AGENTS\n\n', '') },
      'packages/core/AGENTS.md has no heading: start it with "# @alphaswarm/core"',
    ],
    [
      'no validation command',
      { agents: agents.replace('pnpm nx run core:api-report', 'pnpm test') },
      'packages/core/AGENTS.md lists no validation command: add e.g. `pnpm nx run-many -t lint typecheck build test -p core` in a code block',
    ],
    [
      'a target that does not exist',
      { readme: readme.replace('lint test', 'lint e2e') },
      'packages/core/README.md runs `pnpm nx run-many -t lint e2e -p core` but core has no "e2e" target (it has api-report, build, lint, test): fix the command',
    ],
  ])('fails on %s, saying what to do', (_name, override, message) => {
    const result = checkDocs('core', [core], facts(override), [core]);
    expect([result.ok, result.detail.includes(message)]).toEqual([false, true]);
  });
});

describe('checkPackaging', () => {
  it('passes a versioned package whose exports the build produces', () => {
    expect(checkPackaging([core], facts())).toEqual({
      id: 'packaging',
      ok: true,
      detail: '@alphaswarm/core@0.1.0 with exports; core:build produces them',
    });
  });

  it.each([
    [
      'a non-semver version',
      { manifest: { ...manifest, version: '1.0' } },
      'packages/core/package.json has version "1.0", not semver: set a semver version such as "0.1.0"',
    ],
    [
      'no exports',
      { manifest: { name: '@alphaswarm/core', version: '0.1.0' } },
      'packages/core/package.json has no "exports" pointing at files',
    ],
    [
      'exports outside the build output',
      { manifest: { ...manifest, exports: { '.': { import: './lib/index.js' } } } },
      'packages/core/package.json exports ./lib/index.js, which core:build does not produce',
    ],
    [
      'a failed build',
      { build: { ok: false as const, error: 'see `pnpm nx build core`' } },
      'core:build failed (see `pnpm nx build core`): run `pnpm nx build core` and fix it',
    ],
  ])('fails on %s', (_name, override, message) => {
    const result = checkPackaging([core], facts(override));
    expect([result.ok, result.detail.includes(message)]).toEqual([false, true]);
  });
});

describe('checkContracts', () => {
  it('passes matching reports and names them with the version', () => {
    expect(checkContracts([core], facts())).toEqual({
      id: 'contracts',
      ok: true,
      detail: 'API reports match the code: packages/core/api/index.api.md@0.1.0',
    });
  });

  it.each([
    [
      'a missing report',
      { status: 'missing' as const },
      '0.1.0',
      'packages/core/api/index.api.md is missing: run `pnpm nx run core:api-report --update` and commit it',
    ],
    [
      'a drifted report',
      { status: 'changed' as const, diff: '@@ line 7\n- a\n+ b' },
      '0.1.0',
      'packages/core/api/index.api.md does not match the code from line 7: if the API change is intended run `pnpm nx run core:api-report --update` and commit the report, otherwise restore the public API',
    ],
    [
      'a report of another version',
      { status: 'changed' as const, diff: '@@ line 1' },
      '0.0.9',
      'packages/core/api/index.api.md describes version 0.0.9 but the package is 0.1.0: run `pnpm nx run core:api-report --update` and commit it',
    ],
  ])('fails on %s', (_name, status, reported, detail) => {
    const result = checkContracts(
      [core],
      facts({ apiReports: { ok: true, statuses: [{ ...ok, ...status }], reported: { 'api/index.api.md': reported } } }),
    );
    expect(result).toEqual({ id: 'contracts', ok: false, detail });
  });

  it('fails a project without an api-report target', () => {
    const { 'api-report': _omitted, ...targets } = core.targets;
    expect(checkContracts([{ ...core, targets }], facts()).detail).toBe(
      'core has no api-report target: add "api-report": {} under nx.targets in packages/core/package.json, run `pnpm nx run core:api-report --update` and commit packages/core/api/',
    );
  });
});

describe('checkBoundariesCriterion', () => {
  it('counts only the domain’s own files', () => {
    const violation = {
      file: 'packages/controller/src/a.ts',
      project: 'controller',
      domain: 'controller',
      target: 'monolith',
      targetDomain: 'monolith',
      kind: 'forbidden-import' as const,
      evidence: ['static' as const],
      specifier: undefined,
      rule: 'controller-standalone',
      seedRule: '…',
      fix: 'controller may import only core',
    };
    expect([checkBoundariesCriterion(['core'], [violation]).ok, checkBoundariesCriterion(['controller'], [violation])]).toEqual([
      true,
      {
        id: 'boundaries',
        ok: false,
        detail:
          '1 forbidden import: packages/controller/src/a.ts imports monolith (forbidden-import, controller-standalone): controller may import only core (run `pnpm boundaries` for all)',
      },
    ]);
  });
});

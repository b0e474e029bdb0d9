import { describe, expect, it } from 'vitest';
import type { PolicyIntegrationTest } from '@alphaswarm/policy';
import { syntheticProjects } from '../testing/synthetic-graph.js';
import type { WorkspaceProject } from '../workspace-graph.js';
import { checkBoundariesCriterion } from './check-boundaries-criterion.js';
import { checkContracts } from './check-contracts.js';
import { checkDocs } from './check-docs.js';
import { checkPackaging } from './check-packaging.js';
import type { BaseRef, ProjectFacts } from './gate-facts.js';

const target = { outputs: [], dependsOnProjects: [], dependsOn: [] };
const core: WorkspaceProject = {
  ...(syntheticProjects[0] as WorkspaceProject),
  targets: Object.fromEntries(
    ['build', 'lint', 'typecheck', 'test', 'api-report', 'package-check', 'integration'].map((name) => [name, target]),
  ),
};
const prose = (words: number): string =>
  Array.from({ length: words }, (_, index) => `word${String.fromCharCode(97 + (index % 26))}`).join(' ');
const readme = `# @alphaswarm/core\n\n${prose(70)}\n\n## Validation\n\n\`\`\`sh\npnpm nx run-many -t lint typecheck build test -p core\n\`\`\`\n`;
const agents = `# AGENTS\n\n${prose(45)}\n\n## Before a change is done\n\n\`\`\`sh\npnpm nx run core:api-report\n\`\`\`\n`;
const report = (body: string): string => `<!-- header -->\n\n\`\`\`ts\n\n${body}\n\n\`\`\`\n`;
const baseReport = report('// @public\nexport function add(a: number): number;\n\n// @public\nexport function sub(a: number): number;');
const facts = (overrides: Partial<ProjectFacts> = {}): Map<string, ProjectFacts> =>
  new Map([
    [
      'core',
      {
        readme,
        agents,
        packaging: {
          record: {
            version: 1,
            project: 'core',
            package: '@alphaswarm/core@0.1.0',
            ok: true,
            problems: [],
            checked: ['imports with plain Node'],
          },
        },
        apiReports: { ok: true },
        version: '0.1.0',
        baseVersion: '0.1.0',
        reports: [{ report: 'api/index.api.md', current: baseReport, base: baseReport }],
        ...overrides,
      },
    ],
  ]);
const base: BaseRef = { ref: 'main', commit: 'abc1234def' };
const integration: PolicyIntegrationTest = {
  project: 'core',
  target: 'integration',
  files: ['packages/core/src/**/*.integration.spec.ts'],
  reaches: ['controller'],
  reason: 'x',
};

describe('checkDocs', () => {
  it('passes real prose whose commands run lint, typecheck, build and test of every project', () => {
    expect(checkDocs('core', [core], facts(), [core], [])).toEqual({
      id: 'docs',
      ok: true,
      detail:
        'README.md and AGENTS.md are real prose; 2 validation commands (`pnpm nx run-many -t lint typecheck build test -p core`, `pnpm nx run core:api-report`) run lint, typecheck, build, test of core, all existing Nx targets',
    });
  });

  it.each([
    [
      'a missing AGENTS.md',
      { agents: undefined },
      'packages/core/AGENTS.md is missing: add it with the commands that must pass before a change is done',
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
      { agents: agents.replace('# AGENTS\n\n', '').replace('## Before a change is done\n\n', '') },
      'packages/core/AGENTS.md has no heading: start it with "# @alphaswarm/core"',
    ],
    [
      'no validation command',
      { agents: agents.replace('pnpm nx run core:api-report', 'pnpm test') },
      'packages/core/AGENTS.md lists no validation command: add e.g. `pnpm nx run-many -t lint typecheck build test -p core` in a code block under a "Before a change is done" heading',
    ],
    [
      'validation commands outside a validation section',
      { readme: readme.replace('## Validation', '## Usage') },
      'packages/core/README.md lists no validation command',
    ],
    [
      'an integration test among the validation commands',
      { readme: readme.replace('-p core\n', '-p core\npnpm nx run core:integration\n') },
      'packages/core/README.md lists `pnpm nx run core:integration` with the validation commands, but it runs an integration test (tools/policy/policy.json): list it under an "Integration tests" heading instead',
    ],
    [
      'a target that does not exist',
      { readme: readme.replace('lint typecheck', 'lint e2e typecheck') },
      'packages/core/README.md runs `pnpm nx run-many -t lint e2e typecheck build test -p core` but core has no "e2e" target',
    ],
    [
      'only one command, a lint',
      { readme: readme.replace('run-many -t lint typecheck build test -p core', 'run core:lint') },
      'the validation commands of core do not run core:typecheck: add `pnpm nx run core:typecheck` to the list in packages/core/README.md',
    ],
  ])('fails on %s, saying what to do', (_name, override, message) => {
    const result = checkDocs('core', [core], facts(override), [core], [integration]);
    expect([result.ok, result.detail]).toEqual([false, expect.stringContaining(message)]);
  });

  it('takes validation commands from the validation sections only', () => {
    const prose = `${agents}\n## Integration tests\n\n    pnpm nx run core:integration\n\n## Contract\n\nRegenerate with \`pnpm nx run core:build\` when the contract changes.\n`;
    expect(checkDocs('core', [core], facts({ agents: prose }), [core], [integration])).toEqual({
      id: 'docs',
      ok: true,
      detail: expect.stringContaining('integration test listed apart: core:integration'),
    });
  });

  it('wants every integration test of the policy listed apart from the validation commands, and only those', () => {
    const listed = `${readme}\n## Integration tests\n\n    pnpm nx run core:integration\n`;
    expect([
      checkDocs('core', [core], facts(), [core], [integration]).detail,
      checkDocs('core', [core], facts({ readme: listed }), [core], [integration]).ok,
      checkDocs('core', [core], facts({ readme: listed }), [core], []).detail,
    ]).toEqual([
      'the integration test core:integration (tools/policy/policy.json) is not listed in the docs: add `pnpm nx run core:integration` under an "Integration tests" heading in packages/core/README.md, saying what it needs',
      true,
      'packages/core/README.md lists `pnpm nx run core:integration` as an integration test, but tools/policy/policy.json declares no integration test core:integration: add it to integrationTests (with what it reaches and why) or list it with the validation commands',
    ]);
  });
});

describe('checkPackaging', () => {
  it('passes when every project’s package-check passed, saying what it proved', () => {
    expect(checkPackaging([core], facts())).toEqual({
      id: 'packaging',
      ok: true,
      detail: '@alphaswarm/core@0.1.0: imports with plain Node',
    });
  });

  it.each([
    [
      'a failed package-check',
      {
        packaging: {
          record: {
            version: 1 as const,
            project: 'core',
            package: '@alphaswarm/core@0.1.0',
            ok: false,
            problems: ['packages/core/package.json names ./dist/does-not-exist.js, which does not exist after core:build'],
            checked: [],
          },
        },
      },
      'packages/core/package.json names ./dist/does-not-exist.js, which does not exist after core:build',
    ],
    [
      'a build that failed',
      { packaging: { notChecked: 'core:package-check did not run because core:build failed: run `pnpm nx run core:build` and fix it' } },
      'core:package-check did not run because core:build failed',
    ],
  ])('fails on %s', (_name, override, message) => {
    expect(checkPackaging([core], facts(override))).toEqual({ id: 'packaging', ok: false, detail: expect.stringContaining(message) });
  });
});

describe('checkContracts', () => {
  const changed = (current: string, version = '0.1.0', baseVersion = '0.1.0') =>
    checkContracts([core], facts({ version, baseVersion, reports: [{ report: 'api/index.api.md', current, base: baseReport }] }), base);
  const removed = report('// @public\nexport function add(a: number): number;');
  const added = report(
    '// @public\nexport function add(a: number): number;\n\n// @public\nexport function mul(a: number): number;\n\n// @public\nexport function sub(a: number): number;',
  );

  it('passes reports that match the code and no API change since the base', () => {
    expect(changed(baseReport)).toEqual({
      id: 'contracts',
      ok: true,
      detail: 'API reports match the code: packages/core/api/index.api.md@0.1.0; no API change since main',
    });
  });

  it.each([
    [
      'a removal without a bump',
      removed,
      '0.1.0',
      '0.1.0',
      false,
      'removed sub): a removed or changed declaration needs a major bump (a minor one below 1.0), so core needs version 0.2.0 or later',
    ],
    [
      'a removal with a patch bump',
      removed,
      '0.1.1',
      '0.1.0',
      false,
      'needs version 0.2.0 or later, but packages/core/package.json says 0.1.1',
    ],
    ['a removal with a minor bump below 1.0', removed, '0.2.0', '0.1.0', true, 'removed sub since main, versioned 0.1.0 → 0.2.0'],
    ['a removal with a minor bump at 1.x', removed, '1.3.0', '1.2.0', false, 'needs version 2.0.0 or later'],
    [
      'an addition without a bump',
      added,
      '0.1.0',
      '0.1.0',
      false,
      'an addition needs at least a minor bump, so core needs version 0.2.0 or later',
    ],
    ['an addition with a minor bump', added, '1.3.0', '1.2.0', true, 'added mul since main, versioned 1.2.0 → 1.3.0'],
    [
      'a change with a major bump',
      baseReport.replace('add(a: number)', 'add(a: string)'),
      '2.0.0',
      '1.4.2',
      true,
      'changed add since main, versioned 1.4.2 → 2.0.0',
    ],
  ])('judges %s', (_name, current, version, baseVersion, ok, text) => {
    const result = changed(current, version, baseVersion);
    expect([result.ok, result.detail]).toEqual([ok, expect.stringContaining(text)]);
  });

  it('names the drifted report when the code and the checked-in report disagree', () => {
    const result = checkContracts(
      [core],
      facts({
        apiReports: { ok: false, statuses: [{ subpath: '.', report: 'api/index.api.md', status: 'changed', diff: '@@ line 7\n- a\n+ b' }] },
      }),
      base,
    );
    expect(result).toEqual({
      id: 'contracts',
      ok: false,
      detail:
        'packages/core/api/index.api.md does not match the code from line 7: if the API change is intended run `pnpm nx run core:api-report --update` and commit the report, otherwise restore the public API',
    });
  });

  it('says it cannot judge without a base, and fails', () => {
    expect(checkContracts([core], facts(), { error: 'there is no main or origin/main branch' })).toEqual({
      id: 'contracts',
      ok: false,
      detail: 'there is no main or origin/main branch',
    });
  });

  it('fails a project without an api-report target', () => {
    const { 'api-report': _omitted, ...targets } = core.targets;
    expect(checkContracts([{ ...core, targets }], facts(), base).detail).toBe(
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

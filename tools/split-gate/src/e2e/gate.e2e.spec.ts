import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DeepResult } from '../lib/deep/run-deep.js';
import type { GateReport } from '../lib/gate/gate-report.js';
import { createTempWorkspace, type TempWorkspace } from './temp-workspace.js';

const slow = 600_000;
const forbidden = 'packages/controller/src/forbidden.spec.ts';
const domains = ['core', 'controller', 'client', 'snippets', 'bots', 'rl', 'models'];

/** README.md / AGENTS.md that meet the docs criterion, so each test controls what changes. */
function docsFor(domain: string): Record<string, string> {
  const prose = (purpose: string) =>
    `The ${domain} package of the AlphaSwarm workspace ${purpose}. It follows the boundary policy in tools/policy/policy.json, which says which other domains it may import, and its public API is recorded in the checked-in report under api/ so that consumers see every change before it lands. Run the commands below before a change is done; they are the same ones the future repository's CI will run.`;
  return {
    [`packages/${domain}/README.md`]: `# @alphaswarm/${domain}\n\n${prose('owns one row of the domain map')}\n\n## Validation\n\n\`\`\`sh\npnpm nx run-many -t lint typecheck build test -p ${domain}\npnpm nx run ${domain}:api-report\n\`\`\`\n`,
    [`packages/${domain}/AGENTS.md`]: `# Working on ${domain}\n\n${prose('is validated by these commands')}\n\n\`\`\`sh\npnpm nx run-many -t lint typecheck build test api-report -p ${domain}\n\`\`\`\n`,
  };
}

const gate = (workspace: TempWorkspace, args: string[]): { status: number; report: GateReport } => {
  const result = workspace.cli('gate', ['--json', ...args]);
  return { status: result.status, report: JSON.parse(result.stdout) as GateReport };
};
const failing = (report: GateReport, domain: string) =>
  report.domains
    .find((verdict) => verdict.domain === domain)
    ?.criteria.filter((criterion) => !criterion.ok)
    .map((criterion) => criterion.id);
const detail = (report: GateReport, domain: string, id: string) =>
  report.domains.find((verdict) => verdict.domain === domain)?.criteria.find((criterion) => criterion.id === id)?.detail;

describe('pnpm gate on a real temporary copy of the workspace', () => {
  let workspace: TempWorkspace;
  beforeAll(() => {
    workspace = createTempWorkspace();
    for (const domain of domains) for (const [file, text] of Object.entries(docsFor(domain))) workspace.write(file, text);
  }, slow);
  afterAll(() => workspace?.dispose(), slow);

  it(
    'is honest: core, controller, client and snippets are ready; bots, rl and models fail only isolation, naming the monolith projects',
    () => {
      const { status, report } = gate(workspace, []);
      expect(status).toBe(0);
      expect(Object.fromEntries(domains.map((domain) => [domain, failing(report, domain)]))).toEqual({
        core: [],
        controller: [],
        client: [],
        snippets: [],
        bots: ['isolation'],
        rl: ['isolation'],
        models: ['isolation'],
      });
      expect([detail(report, 'bots', 'isolation'), detail(report, 'rl', 'isolation')]).toEqual([
        expect.stringContaining('needs monolith (bots → monolith), monolith-primitives (bots → monolith-primitives)'),
        expect.stringContaining('needs monolith-primitives (rl → monolith-primitives)'),
      ]);
      expect(detail(report, 'models', 'isolation')).toContain('needs monolith-primitives (models → monolith-primitives)');
    },
    slow,
  );

  it(
    'exits 1 when a named domain is not ready, 0 when all named are',
    () => {
      expect([gate(workspace, ['rl']).status, gate(workspace, ['core', 'snippets']).status]).toEqual([1, 0]);
    },
    slow,
  );

  it.each([
    {
      change: 'removing AGENTS.md',
      domain: 'core',
      criterion: 'docs',
      apply: (w: TempWorkspace) => w.remove('packages/core/AGENTS.md'),
      message: 'packages/core/AGENTS.md is missing: add it with the commands that must pass before a change is done',
    },
    {
      change: 'breaking the API report',
      domain: 'core',
      criterion: 'contracts',
      apply: (w: TempWorkspace) =>
        w.write(
          'packages/core/api/index.api.md',
          `${readFileSync(join(w.root, 'packages/core/api/index.api.md'), 'utf8')}\nexport function removed(): void;\n`,
        ),
      message: 'packages/core/api/index.api.md does not match the code',
    },
    {
      // Not from core: everything imports core, so a core import of another domain is also a
      // project cycle, which stops Nx from building (packaging) as well.
      change: 'adding a forbidden import',
      domain: 'controller',
      criterion: 'boundaries',
      apply: (w: TempWorkspace) =>
        w.write(
          forbidden,
          "import { it } from 'vitest';\nimport * as snippets from '@alphaswarm/snippets';\nit('x', () => void snippets);\n",
        ),
      message: `${forbidden} imports snippets (forbidden-import, snippets-read-only): controller may import only core; read snippets as data at build time, never import them.`,
    },
  ])(
    '$change flips exactly $criterion of $domain, saying what to do',
    ({ domain, criterion, apply, message }) => {
      const before = ['packages/core/AGENTS.md', 'packages/core/api/index.api.md'].map(
        (file) => [file, readFileSync(join(workspace.root, file), 'utf8')] as const,
      );
      apply(workspace);
      try {
        const { status, report } = gate(workspace, [domain]);
        expect([status, failing(report, domain)]).toEqual([1, [criterion]]);
        expect(detail(report, domain, criterion)).toContain(message);
      } finally {
        for (const [file, text] of before) workspace.write(file, text);
        workspace.remove(forbidden);
      }
    },
    slow,
  );

  it(
    '--deep core passes in a temporary workspace with only core and tooling',
    () => {
      const result = workspace.cli('gate', ['--deep', 'core', '--json']);
      const deep = JSON.parse(result.stdout) as DeepResult;
      expect([result.status, deep.ok, deep.assembled, deep.monolithNeeded], result.stderr.slice(-3000)).toEqual([
        0,
        true,
        ['core', 'api-report', 'policy'], // policy: every lint target depends on the boundary engine's build.
        [],
      ]);
      expect(deep.steps.find((step) => step.step === 'assemble')?.detail).toContain(
        'left out the nx.json plugins of tooling not assembled: ./tools/ci/nx-task-results-plugin.mjs',
      );
      expect(result.stderr).toContain('[deep core] install: ok');
      expect(deep.steps.find((step) => step.step === 'install')?.detail).toMatch(
        /^pnpm install --frozen-lockfile --offline( --store-dir \S+)? passed$/,
      );
      expect(deep.summary).toContain('installed from the pruned lockfile and the local store (pnpm install --frozen-lockfile --offline)');
    },
    slow,
  );

  it(
    '--deep rl fails, saying which monolith project the closure needs',
    () => {
      const result = workspace.cli('gate', ['--deep', 'rl', '--json']);
      const deep = JSON.parse(result.stdout) as DeepResult;
      expect([result.status, deep.ok, deep.monolithNeeded]).toEqual([1, false, ['monolith-primitives']]);
      expect(deep.summary).toMatch(/^rl needs monolith-primitives of the monolith: .*@alphaswarm\/monolith-primitives/);
    },
    slow,
  );
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CriterionId, DomainVerdict, GateReport } from '../lib/gate/gate-report.js';
import { createTempWorkspace, type TempWorkspace } from './temp-workspace.js';

const slow = 900_000;

const gate = (workspace: TempWorkspace, args: string[]): { status: number; report: GateReport; stderr: string } => {
  const result = workspace.cli('gate', ['--json', ...args]);
  return { status: result.status, report: JSON.parse(result.stdout) as GateReport, stderr: result.stderr };
};
const verdict = (report: GateReport, domain: string): DomainVerdict => {
  const found = report.domains.find((candidate) => candidate.domain === domain);
  if (!found) throw new Error(`no verdict for ${domain}`);
  return found;
};
/** Each criterion's `ok`: true, false, or null when blocked. */
const oks = (report: GateReport, domain: string): Record<string, boolean | null> =>
  Object.fromEntries(verdict(report, domain).criteria.map((criterion) => [criterion.id, criterion.ok]));
const detail = (report: GateReport, domain: string, id: CriterionId): string =>
  verdict(report, domain).criteria.find((criterion) => criterion.id === id)?.detail ?? '';
const allPass = { docs: true, packaging: true, boundaries: true, contracts: true, isolation: true };

describe('pnpm gate on a real temporary copy of the workspace', () => {
  let workspace: TempWorkspace;
  beforeAll(() => {
    workspace = createTempWorkspace();
  }, slow);
  afterAll(() => workspace?.dispose(), slow);

  /** Change files, run the gate for `domains`, put the files back. */
  const withChange = (changes: Record<string, string | undefined>, domains: string[]) => {
    const before = Object.fromEntries(
      Object.keys(changes).map((file) => [
        file,
        (() => {
          try {
            return workspace.read(file);
          } catch {
            return undefined;
          }
        })(),
      ]),
    );
    const apply = (files: Record<string, string | undefined>) => {
      for (const [file, text] of Object.entries(files))
        if (text === undefined) workspace.remove(file);
        else workspace.write(file, text);
    };
    apply(changes);
    try {
      return gate(workspace, domains);
    } finally {
      apply(before);
    }
  };

  it(
    'judges core and controller on all five criteria, and says their deep proofs are missing rather than claim them ready',
    () => {
      const { status, report } = gate(workspace, ['core', 'controller']);
      expect([status, oks(report, 'core'), oks(report, 'controller')]).toEqual([1, allPass, allPass]);
      expect(report.domains.map((domain) => [domain.domain, domain.ready, domain.deep.status])).toEqual([
        ['core', false, 'missing'],
        ['controller', false, 'missing'],
      ]);
      expect(report.staying.map((staying) => staying.project)).toEqual(['monolith', 'monolith-primitives']);
      expect(report.migration.map((step) => step.step)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    },
    slow,
  );

  it(
    'removing AGENTS.md fails docs alone; isolation waits for it',
    () => {
      const { report } = withChange({ 'packages/core/AGENTS.md': undefined }, ['core']);
      expect(oks(report, 'core')).toEqual({ ...allPass, docs: false, isolation: null });
      expect(detail(report, 'core', 'docs')).toContain(
        'packages/core/AGENTS.md is missing: add it with the commands that must pass before a change is done',
      );
      expect(detail(report, 'core', 'isolation')).toBe('not checked (needs docs): fix docs first');
    },
    slow,
  );

  it(
    'an exports entry pointing at a missing file fails packaging alone; contracts wait for it',
    () => {
      const manifest = JSON.parse(workspace.read('packages/core/package.json')) as { exports: Record<string, Record<string, string>> };
      const exports = { ...manifest.exports, '.': { ...manifest.exports['.'], import: './dist/does-not-exist.js' } };
      const { report } = withChange({ 'packages/core/package.json': `${JSON.stringify({ ...manifest, exports }, null, 2)}\n` }, ['core']);
      expect(oks(report, 'core')).toEqual({ ...allPass, packaging: false, contracts: null });
      expect(detail(report, 'core', 'packaging')).toContain(
        'packages/core/package.json names ./dist/does-not-exist.js, which does not exist after core:build',
      );
    },
    slow,
  );

  it(
    'a forbidden import, with its dependency declared as a person would, fails boundaries alone',
    () => {
      const manifest = JSON.parse(workspace.read('packages/controller/package.json')) as { dependencies: Record<string, string> };
      const { report } = withChange(
        {
          'packages/controller/src/forbidden.ts':
            "import { allowedLicences } from '@alphaswarm/snippets';\nexport const forbidden = allowedLicences;\n",
          'packages/controller/package.json': `${JSON.stringify({ ...manifest, dependencies: { ...manifest.dependencies, '@alphaswarm/snippets': 'workspace:*' } }, null, 2)}\n`,
        },
        ['controller'],
      );
      expect(oks(report, 'controller')).toEqual({ docs: true, boundaries: false, packaging: null, contracts: null, isolation: null });
      expect(detail(report, 'controller', 'boundaries')).toContain(
        'packages/controller/src/forbidden.ts imports snippets (forbidden-import, snippets-read-only)',
      );
    },
    slow,
  );

  it(
    'an exported function removed from core, its report updated and no version bump, fails contracts naming the bump it needs',
    () => {
      const index = workspace.read('packages/core/src/index.ts');
      const report = workspace.read('packages/core/api/index.api.md');
      // The version core has on main when the test runs: a removal needs the next minor below 1.0, the next major from 1.0.
      const version = (JSON.parse(workspace.read('packages/core/package.json')) as { version: string }).version;
      const [major, minor] = version.split('.').map(Number) as [number, number];
      const needed = major === 0 ? `0.${minor + 1}.0` : `${major + 1}.0.0`;
      expect(index).toContain('export { isVisibleTo, scopeToTenant }');
      workspace.write('packages/core/src/index.ts', index.replace('export { isVisibleTo, scopeToTenant }', 'export { scopeToTenant }'));
      try {
        const updated = workspace.nx(['run', 'core:api-report', '--update']);
        expect(updated.status, updated.output).toBe(0);
        const result = gate(workspace, ['core']);
        expect(oks(result.report, 'core')).toEqual({ ...allPass, contracts: false });
        expect(detail(result.report, 'core', 'contracts')).toContain(
          `packages/core/api/index.api.md differs in API from main (removed isVisibleTo): a removed or changed declaration needs a major bump (a minor one below 1.0), so core needs version ${needed} or later, but packages/core/package.json says ${version}: bump the version, then run \`pnpm nx run core:api-report --update\``,
        );
      } finally {
        workspace.write('packages/core/src/index.ts', index);
        workspace.write('packages/core/api/index.api.md', report);
      }
    },
    slow,
  );

  it(
    'proves with --deep, then reads the proof as fresh until what it assembled changes',
    () => {
      const proved = gate(workspace, ['--deep', 'rl']);
      expect([proved.status, verdict(proved.report, 'rl').deep.status, verdict(proved.report, 'rl').deep.ok]).toEqual([1, 'fresh', false]);
      expect(verdict(proved.report, 'rl').deep.detail).toMatch(
        /^rl needs monolith-primitives of the monolith: .*@alphaswarm\/monolith-primitives/,
      );
      const again = gate(workspace, ['rl', 'snippets']);
      expect(again.report.domains.map((domain) => [domain.domain, domain.deep.status])).toEqual([
        ['rl', 'fresh'],
        ['snippets', 'missing'],
      ]);
      const stale = withChange({ 'packages/rl/src/proof-probe.ts': 'export const probe = 1;\n' }, ['rl']);
      expect(verdict(stale.report, 'rl').deep.status).toBe('stale');
      expect(oks(proved.report, 'rl')).toEqual({ ...allPass, isolation: false });
    },
    slow,
  );
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AffectedReport } from '../affected/affected-report.js';
import { dependantsOf } from './workspace-manifests.js';
import { cloneRepository, type TempClone } from './temp-clone.js';

let clone: TempClone;
let base: string;

const report = (stdout: string): AffectedReport => JSON.parse(stdout) as AffectedReport;
const touch = (text: string): string => `${text}${text.endsWith('\n') ? '' : '\n'}// touched by the affected e2e spec\n`;
/** Start a branch at the base and commit one edit there: each scenario changes exactly one file. */
const commitOnBase = (branch: string, message: string, file: string, edit: (text: string) => string): string => {
  clone.run('git', ['checkout', '--quiet', '-B', branch, base]);
  return clone.commit(message, { [file]: edit });
};

beforeAll(() => {
  clone = cloneRepository();
  base = clone.head();
});

afterAll(() => clone?.dispose());

describe('pnpm affected <domain> in a temporary clone, one changed file per commit', () => {
  it("a controller source file: `affected controller` runs only controller's tasks, `affected rl` runs nothing and says so", () => {
    const head = commitOnBase(
      'controller-change',
      'fix(controller): touch one source file',
      'packages/controller/src/manage-path.ts',
      touch,
    );
    const controller = clone.cli('affected', ['controller', `--base=${base}`, `--head=${head}`, '--json']);
    expect(controller.status, controller.stderr).toBe(0);
    const result = report(controller.stdout);
    expect(result.changedFiles).toEqual([{ file: 'packages/controller/src/manage-path.ts', change: 'modified' }]);
    expect(result.projects).toEqual([
      { name: 'controller', reasons: [{ kind: 'changed', files: ['packages/controller/src/manage-path.ts'] }] },
    ]);
    const chosen = result.tasks.filter((task) => task.chosen).map((task) => task.id);
    expect(chosen).toEqual([
      'controller:api-report',
      'controller:build',
      'controller:gate',
      'controller:lint',
      'controller:test',
      'controller:typecheck',
    ]);
    // What Nx ran: exactly the chosen tasks, each of them controller's, plus the builds they depend on.
    expect(result.ran.filter((task) => !task.prerequisite).map((task) => task.id)).toEqual(chosen);
    for (const task of result.ran) expect(['success', 'local-cache', 'local-cache-kept-existing']).toContain(task.status);
    const prerequisites = result.ran.filter((task) => task.prerequisite);
    expect(prerequisites.every((task) => task.id.endsWith(':build') || task.id.endsWith(':typecheck'))).toBe(true);
    expect(prerequisites.map((task) => task.id)).toContain('core:build');
    expect(prerequisites.some((task) => task.inputsChanged)).toBe(false);
    expect(result.ok).toBe(true);

    const rl = clone.cli('affected', ['rl', `--base=${base}`, `--head=${head}`]);
    expect(rl.status, rl.stderr).toBe(0);
    expect(rl.stdout).toContain('nothing in domain rl (rl) is affected: no task runs.');
    const rlJson = report(clone.cli('affected', ['rl', `--base=${base}`, `--head=${head}`, '--json']).stdout);
    expect([rlJson.projects, rlJson.tasks, rlJson.ran, rlJson.commands]).toEqual([[], [], [], []]);
  });

  it('a core source file: every domain that depends on core runs its tasks', () => {
    const head = commitOnBase('core-change', 'fix(core): touch one source file', 'packages/core/src/ids.ts', touch);
    const policy = JSON.parse(readFileSync(join(clone.root, 'tools/policy/policy.json'), 'utf8')) as { domains: { name: string }[] };
    const domains = policy.domains.map((domain) => domain.name);
    const run = clone.cli('affected', [...domains, `--base=${base}`, `--head=${head}`, '--dry-run', '--json']);
    expect(run.status, run.stderr).toBe(0);
    const results = new Map((JSON.parse(run.stdout) as AffectedReport[]).map((result) => [result.domain, result]));
    // The oracle, independent of Nx: the packages whose manifests depend on core, directly or through others.
    const dependants = dependantsOf(clone, 'core');
    const expected = domains.filter(
      (domain) => domain === 'core' || (results.get(domain)?.domainProjects ?? []).some((project) => dependants.has(project)),
    );
    expect(expected.length).toBeGreaterThan(5);
    for (const domain of expected) {
      const result = results.get(domain) as AffectedReport;
      expect(result.projects.length, domain).toBeGreaterThan(0);
      const chosen = result.tasks.filter((task) => task.chosen).map((task) => task.id);
      expect(chosen, domain).toContain(`${domain}:build`);
      expect(chosen, domain).toContain(`${domain}:test`);
      expect(
        chosen.every((task) => result.domainProjects.includes(task.slice(0, task.lastIndexOf(':')))),
        domain,
      ).toBe(true);
      const reasons = result.projects.flatMap((project) => project.reasons.map((reason) => reason.kind));
      expect(reasons, domain).toContain(domain === 'core' ? 'changed' : 'dependency');
    }
    expect(results.get('models')?.projects[0]?.reasons).toEqual([
      { kind: 'dependency', path: ['models', 'core'], files: ['packages/core/src/ids.ts'] },
    ]);
    // Domains that do not depend on core run nothing; the tooling runs only the checks that read every package's sources.
    for (const domain of domains.filter((name) => !expected.includes(name) && name !== 'tooling')) {
      expect(results.get(domain)?.projects, domain).toEqual([]);
    }
    const tooling = results.get('tooling') as AffectedReport;
    expect(tooling.projects.every((project) => project.reasons.some((reason) => reason.kind === 'root-input'))).toBe(true);
    expect(tooling.tasks.filter((task) => task.chosen).map((task) => task.id)).not.toContain('policy:build');
  });

  it('only a README of snippets: no build is chosen, and every build in the plan is a prerequisite whose inputs did not change', () => {
    const head = commitOnBase(
      'snippets-readme',
      'docs(snippets): touch the README',
      'packages/snippets/README.md',
      (text) => `${text}\nTouched by the affected e2e spec.\n`,
    );
    const run = clone.cli('affected', ['snippets', `--base=${base}`, `--head=${head}`, '--dry-run', '--json']);
    expect(run.status, run.stderr).toBe(0);
    const result = report(run.stdout);
    expect(result.projects).toEqual([{ name: 'snippets', reasons: [{ kind: 'changed', files: ['packages/snippets/README.md'] }] }]);
    const chosen = result.tasks.filter((task) => task.chosen).map((task) => task.id);
    expect(chosen.filter((task) => task.endsWith(':build'))).toEqual([]);
    expect(result.tasks.find((task) => task.id === 'snippets:build')).toEqual({
      id: 'snippets:build',
      chosen: false,
      inputs: [],
      inputCount: 0,
      reason: 'none of its inputs changed (snippets is affected, this task is not)',
    });
    expect(chosen).toContain('snippets:gate');
    const builds = result.ran.filter((task) => task.id.endsWith(':build'));
    expect(builds.every((task) => task.prerequisite && !task.inputsChanged)).toBe(true);
  });
});

import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { inc } from 'semver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AffectedReport } from '../affected/affected-report.js';
import { CHROMIUM_INSTALL_HINT, chromiumLaunchOptions, findChromium } from '../browser/chromium.js';
import { cloneRepository, type Ran, type TempClone } from './temp-clone.js';
import { dependantsOf, manifestsOf, projectName } from './workspace-manifests.js';

// One clone (an install costs a minute) for every scenario; each starts a branch at the base commit.
let clone: TempClone;
let base: string;
/** The projects nx release versions: every package outside the tooling domain (nx.json release.projects). */
let released: { name: string; version: string; root: string }[];

const report = (stdout: string): AffectedReport => JSON.parse(stdout) as AffectedReport;
const touch = (text: string): string => `${text}${text.endsWith('\n') ? '' : '\n'}// touched by the affected e2e spec\n`;
/** Start a branch at the base and commit one edit there: each scenario changes exactly one file. */
const commitOnBase = (branch: string, message: string, file: string, edit: (text: string) => string): string => {
  clone.run('git', ['checkout', '--quiet', '-B', branch, base]);
  return clone.commit(message, { [file]: edit });
};

/** The version a release bump gives a project's manifest version. */
const bump = (project: { version: string }, kind: 'minor' | 'patch'): string => inc(project.version, kind) as string;
/** `pnpm nx release --dry-run` as a person types it, with no terminal (stdin is not a TTY). */
const dryRun = (): Ran => clone.pnpm(['nx', 'release', '--dry-run']);
/** The last version Nx says it writes to each project's manifest. */
function newVersions(output: string): Record<string, string> {
  const versions: Record<string, string> = {};
  for (const match of output.matchAll(/^(\S+) ✍️ {2}New version (\S+) written to manifest: /gm))
    versions[match[1] as string] = match[2] as string;
  return versions;
}

beforeAll(() => {
  clone = cloneRepository();
  base = clone.head();
  released = manifestsOf(clone)
    .filter((manifest) => !(manifest.nx?.tags ?? []).includes('domain:tooling'))
    .map((manifest) => ({ name: projectName(manifest), version: manifest.version, root: `packages/${projectName(manifest)}` }));
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
    // Without the gate target: it runs the domain's deep proof (an install and a validation of its
    // own, minutes); the dry run below shows that affected chooses it.
    const controller = clone.cli('affected', [
      'controller',
      `--base=${base}`,
      `--head=${head}`,
      '-t',
      'lint,typecheck,build,test,validate,api-report',
      '--json',
    ]);
    expect(controller.status, controller.stderr).toBe(0);
    const result = report(controller.stdout);
    expect(result.changedFiles).toEqual([{ file: 'packages/controller/src/manage-path.ts', change: 'modified' }]);
    expect(result.projects).toEqual([
      { name: 'controller', reasons: [{ kind: 'changed', files: ['packages/controller/src/manage-path.ts'] }] },
    ]);
    const chosen = result.tasks.filter((task) => task.chosen).map((task) => task.id);
    expect(chosen).toEqual(['controller:api-report', 'controller:build', 'controller:lint', 'controller:test', 'controller:typecheck']);
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

describe('nx release in a temporary clone with its own HOME', () => {
  it('first release: `pnpm nx release --dry-run` needs no terminal and no earlier tag, and shows a version and a changelog per domain package', () => {
    clone.run('git', ['checkout', '--quiet', '-B', 'release', base]);
    const run = dryRun();
    const output = `${run.stdout}${run.stderr}`;
    expect(run.status, output.slice(-3000)).toBe(0);
    expect(output).not.toContain('Unable to determine the previous git tag');
    const versions = newVersions(output);
    expect(Object.keys(versions).sort()).toEqual(released.map((project) => project.name).sort());
    for (const project of released) {
      expect(output).toContain(`Falling back to the version ${project.version} in manifest: ${project.root}/package.json`);
      expect(output).toContain(`Previewing an entry in ${project.root}/CHANGELOG.md for ${project.name}@${versions[project.name]}`);
    }
    expect(output).not.toMatch(/^(split-gate|policy|ci|cache-server|api-report|workspace-plugin) /m);
    expect(clone.run('git', ['status', '--porcelain']).stdout).toBe('');
  });

  it('after a release: root-file commits bump only packages that read them; feat(core) bumps core a minor and what depends on it a patch', () => {
    for (const project of released) clone.run('git', ['tag', `${project.name}@${project.version}`]);
    clone.commit('build: run three tasks at a time', { 'nx.json': (text) => text.replace('"parallel": 2', '"parallel": 3') });
    clone.commit('fix: say why the generated files are left unformatted', {
      '.prettierignore': (text) => `${text}# Generated files are formatted by their generators or left as written.\n`,
    });
    const quiet = dryRun();
    const quietOutput = `${quiet.stdout}${quiet.stderr}`;
    expect(quiet.status, quietOutput.slice(-3000)).toBe(0);
    // nx.json (build:) bumps nothing. .prettierignore (fix:) is an input only of the end-to-end
    // targets, all in the tooling: it bumps only a released package that depends on one of those,
    // through its manifest or an implicit edge (the deployment packages the cache server's image).
    const readers = manifestsOf(clone)
      .filter((manifest) => manifest.nx?.targets?.['e2e'] !== undefined)
      .map(projectName);
    const reached = new Set([...readers, ...readers.flatMap((reader) => [...dependantsOf(clone, reader)])]);
    const expectedQuiet = Object.fromEntries(
      released.filter((project) => reached.has(project.name)).map((project) => [project.name, bump(project, 'patch')]),
    );
    expect(newVersions(quietOutput)).toEqual(expectedQuiet);
    expect(Object.keys(expectedQuiet).length).toBeLessThan(released.length / 2);
    for (const project of released.filter((candidate) => !reached.has(candidate.name))) {
      expect(quietOutput).toContain(`${project.name} 🚫 No changes were detected`);
    }

    clone.commit('feat(core): a probe export for the release spec', {
      'packages/core/src/ids.ts': (text) => `${text}\n// A feature commit for the release spec.\n`,
    });
    const run = dryRun();
    const output = `${run.stdout}${run.stderr}`;
    expect(run.status, output.slice(-3000)).toBe(0);
    const dependants = dependantsOf(clone, 'core');
    const expected = Object.fromEntries(
      released
        .filter((project) => project.name === 'core' || dependants.has(project.name) || project.name in expectedQuiet)
        .map((project) => [project.name, bump(project, project.name === 'core' ? 'minor' : 'patch')]),
    );
    expect(newVersions(output)).toEqual(expected);
    const core = expected['core'] as string;
    expect(output).toContain(`core ✍️  New version ${core} written to the header of packages/core/api/index.api.md`);
    expect(output).toContain(`Previewing an entry in packages/core/CHANGELOG.md for core@${core}`);
    expect(output).toMatch(/Previewing an entry in packages\/core\/CHANGELOG\.md[\s\S]*a probe export for the release spec/);
    expect(clone.run('git', ['status', '--porcelain']).stdout).toBe('');
  });

  it("a fix whose API report changed gets the contracts criterion's bump: a minor one", () => {
    clone.commit('fix(snippets): a change that alters the API report', {
      'packages/snippets/src/index.ts': (text) => `${text}\n// A fix commit for the release spec.\n`,
      'packages/snippets/api/index.api.md': (text) => `${text}\n// An API change the report recorded.\n`,
    });
    const run = dryRun();
    const output = `${run.stdout}${run.stderr}`;
    expect(run.status, output.slice(-3000)).toBe(0);
    expect(newVersions(output)['snippets']).toBe(
      bump(released.find((project) => project.name === 'snippets') as { version: string }, 'minor'),
    );
    expect(output).toContain(
      'the API report packages/snippets/api/index.api.md changed since the last release: the gate’s contracts criterion needs at least a minor bump',
    );
  });
});

const browser = findChromium();
if (browser === undefined) process.stderr.write(`[ci e2e] Chromium is missing, the graph page is not opened: ${CHROMIUM_INSTALL_HINT}\n`);

describe('pnpm graph in the same clone', () => {
  it('writes the HTML and JSON graphs, with every file the page loads', () => {
    const run = clone.pnpm(['graph', '--json']);
    expect(run.status, `${run.stdout}${run.stderr}`.slice(-3000)).toBe(0);
    const result = JSON.parse(run.stdout.slice(run.stdout.indexOf('{'))) as { html: string; json: string; assets: string[] };
    expect([result.html, result.json]).toEqual(['dist/graph/graph.html', 'dist/graph/graph.json']);
    expect(result.assets).toEqual(
      expect.arrayContaining(['static/environment.js', 'static/main.js', 'static/styles.css', 'static/styles.js']),
    );
    for (const asset of result.assets) expect(existsSync(join(clone.root, 'dist/graph', asset)), asset).toBe(true);
    const graph = JSON.parse(readFileSync(join(clone.root, result.json), 'utf8')) as {
      graph: { nodes: Record<string, { data: { tags: string[] } }> };
    };
    expect(Object.keys(graph.graph.nodes).sort()).toEqual(manifestsOf(clone).map(projectName).sort());
    expect(graph.graph.nodes['controller']?.data.tags).toContain('domain:controller');
  });

  it.skipIf(browser === undefined)(
    `renders offline in headless Chromium and lists every project${browser === undefined ? ` (skipped: Chromium is missing — ${CHROMIUM_INSTALL_HINT})` : ''}`,
    async () => {
      const profile = mkdtempSync(join(tmpdir(), 'asw-chromium-'));
      const context = await chromium.launchPersistentContext(profile, chromiumLaunchOptions(browser as string));
      try {
        const network: string[] = [];
        const failed: string[] = [];
        const errors: string[] = [];
        await context.route('**/*', (route) => {
          const url = route.request().url();
          if (url.startsWith('file:')) return route.continue();
          network.push(url);
          return route.abort();
        });
        const page = await context.newPage();
        page.on('requestfailed', (request) => failed.push(request.url()));
        page.on('pageerror', (error) => errors.push(error.message));
        await page.goto(`file://${join(clone.root, 'dist/graph/graph.html')}`);
        for (const project of manifestsOf(clone).map(projectName)) {
          await page.getByText(project, { exact: true }).first().waitFor({ timeout: 30_000 });
        }
        expect({ network, failed, errors }).toEqual({ network: [], failed: [], errors: [] });
      } finally {
        await context.close();
        rmSync(profile, { recursive: true, force: true });
      }
    },
  );
});

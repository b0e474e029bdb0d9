import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_INSTALL_HINT, chromiumLaunchOptions, findChromium } from '../browser/chromium.js';
import { cloneRepository, type Ran, type TempClone } from './temp-clone.js';
import { dependantsOf, manifestsOf, projectName } from './workspace-manifests.js';

let clone: TempClone;
/** The projects nx release versions: every package outside the tooling domain (nx.json release.projects). */
let released: { name: string; version: string; root: string }[];

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
  released = manifestsOf(clone)
    .filter((manifest) => !(manifest.nx?.tags ?? []).includes('domain:tooling'))
    .map((manifest) => ({ name: projectName(manifest), version: manifest.version, root: `packages/${projectName(manifest)}` }));
});

afterAll(() => clone?.dispose());

describe('nx release in a temporary clone with its own HOME', () => {
  it('first release: `pnpm nx release --dry-run` needs no terminal and no earlier tag, and shows a version and a changelog per domain package', () => {
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

  it('after a release: root-file commits bump nothing; feat(core) bumps core a minor and what depends on it a patch', () => {
    for (const project of released) clone.run('git', ['tag', `${project.name}@${project.version}`]);
    clone.commit('build: run three tasks at a time', { 'nx.json': (text) => text.replace('"parallel": 2', '"parallel": 3') });
    clone.commit('fix: say what the catalog is for', {
      'pnpm-workspace.yaml': (text) => `${text}# Catalog versions are what every package installs.\n`,
    });
    const quiet = dryRun();
    const quietOutput = `${quiet.stdout}${quiet.stderr}`;
    expect(quiet.status, quietOutput.slice(-3000)).toBe(0);
    expect(newVersions(quietOutput)).toEqual({});
    for (const project of released) expect(quietOutput).toContain(`${project.name} 🚫 No changes were detected`);

    clone.commit('feat(core): a probe export for the release spec', {
      'packages/core/src/ids.ts': (text) => `${text}\n// A feature commit for the release spec.\n`,
    });
    const run = dryRun();
    const output = `${run.stdout}${run.stderr}`;
    expect(run.status, output.slice(-3000)).toBe(0);
    const dependants = dependantsOf(clone, 'core');
    const expected = Object.fromEntries(
      released
        .filter((project) => project.name === 'core' || dependants.has(project.name))
        .map((project) => [project.name, project.name === 'core' ? '0.2.0' : '0.1.1']),
    );
    expect(newVersions(output)).toEqual(expected);
    expect(Object.keys(expected)).not.toContain('snippets');
    expect(output).toContain('core ✍️  New version 0.2.0 written to the header of packages/core/api/index.api.md');
    expect(output).toMatch(
      /Previewing an entry in packages\/core\/CHANGELOG\.md for core@0\.2\.0[\s\S]*a probe export for the release spec/,
    );
    expect(clone.run('git', ['status', '--porcelain']).stdout).toBe('');
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

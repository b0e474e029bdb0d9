import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nextShimCode, type Policy } from '@alphaswarm/policy';
import { moduleSpecifiers } from '../lib/module-specifiers.js';

const workspace = join(import.meta.dirname, '../../../..');
/** The deprecation code the shim gets: the next after every code the workspace's policy uses. */
const code = nextShimCode(JSON.parse(readFileSync(join(workspace, 'tools/policy/policy.json'), 'utf8')) as Policy);
const resolveFromWorkspace = createRequire(join(workspace, 'package.json')).resolve;
/** Not copied: history, caches and build leftovers the run does not need. `node_modules` at the root is linked instead. */
const skipped = new Set(['.git', '.nx', 'out-tsc', 'coverage', 'tmp']);

/** The environment of a person's shell: no variables of the Nx task or the vitest worker this test runs in. */
const env = {
  ...Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) => !/^(NX_|VITEST|VITE_)/.test(name) && !['TEST', 'NODE_ENV', 'NODE_OPTIONS', 'FORCE_COLOR'].includes(name),
    ),
  ),
  NX_DAEMON: 'false',
  NX_NO_CLOUD: 'true',
  NX_TUI: 'false',
  NO_COLOR: '1',
};

describe('the generators in a temporary copy of the workspace, through the nx CLI', () => {
  let root: string;
  const run = (command: string, args: string[]) => {
    const result = spawnSync(command, args, { cwd: root, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    return { status: result.status, output: `${result.stdout}${result.stderr}` };
  };
  const nx = (...args: string[]) => run(process.execPath, [resolveFromWorkspace('nx/bin/nx.js'), ...args]);
  const read = (path: string) => readFileSync(join(root, path), 'utf8');
  const sourceFiles = (folder: string): string[] =>
    readdirSync(join(root, folder), { withFileTypes: true }).flatMap((entry) => {
      const path = `${folder}/${entry.name}`;
      if (entry.isDirectory()) return ['node_modules', 'dist', 'out-tsc'].includes(entry.name) ? [] : sourceFiles(path);
      return /\.(ts|mts|js|mjs)$/.test(entry.name) ? [path] : [];
    });

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'alphaswarm-generators-e2e-'));
    cpSync(workspace, root, {
      recursive: true,
      verbatimSymlinks: true,
      filter: (source) => {
        const path = relative(workspace, source);
        return path !== 'node_modules' && !path.split('/').some((segment) => skipped.has(segment));
      },
    });
    // pnpm's layout is symlinks: the root node_modules is linked, each package's own node_modules holds relative links.
    symlinkSync(join(workspace, 'node_modules'), join(root, 'node_modules'), 'dir');
  }, 120_000);
  // Removing the copied workspace takes more than vitest's default 10 s hook timeout on a loaded machine.
  afterAll(() => {
    if (root) rmSync(root, { recursive: true, force: true });
  }, 120_000);

  it('nx g …:domain creates a registered, documented domain and writes its API report', () => {
    const result = nx(
      'g',
      '@alphaswarm/workspace-plugin:domain',
      'probe-signals',
      '--allow=core,monolith-primitives',
      '--owns=Trading probe-signals',
    );
    expect(result.status, result.output).toBe(0);
    expect(result.output).toContain('CREATE packages/probe-signals/README.md');
    expect(read('packages/probe-signals/api/index.api.md')).toContain('export const domainInfo: DomainInfo;');
    const policy = JSON.parse(read('tools/policy/policy.json')) as { domains: { name: string; mayImport: string[] }[] };
    expect(policy.domains.find((domain) => domain.name === 'probe-signals')?.mayImport).toEqual(['core', 'monolith-primitives']);
  }, 300_000);

  it('nx g …:move-module moves a monolith module into rl and leaves a registered deprecation shim', () => {
    mkdirSync(join(root, 'packages/monolith/src/probe-reward'));
    writeFileSync(
      join(root, 'packages/monolith/src/probe-reward/index.ts'),
      "export { discountedReturn } from './discounted-return.js';\nexport type { RewardSeries } from './discounted-return.js';\n",
    );
    writeFileSync(
      join(root, 'packages/monolith/src/probe-reward/discounted-return.ts'),
      '/** Rewards in time order. */\nexport type RewardSeries = readonly number[];\n\n/** The sum of rewards discounted by `gamma` per step. */\nexport function discountedReturn(rewards: RewardSeries, gamma: number): number {\n  return rewards.reduceRight((total, reward) => reward + gamma * total, 0);\n}\n',
    );
    writeFileSync(
      join(root, 'packages/monolith/src/probe-reward/discounted-return.spec.ts'),
      "import { describe, expect, it } from 'vitest';\nimport { discountedReturn } from './discounted-return.js';\n\ndescribe('discountedReturn', () => {\n  it.each([\n    [[1, 1, 1], 0.5, 1.75],\n    [[], 0.9, 0],\n  ])('%j at %d is %d', (rewards, gamma, expected) => {\n    expect(discountedReturn(rewards, gamma)).toBe(expected);\n  });\n});\n",
    );
    const manifest = JSON.parse(read('packages/monolith/package.json')) as { exports: Record<string, unknown> };
    const { ['./package.json']: self, ...exports } = manifest.exports;
    manifest.exports = {
      ...exports,
      './probe-reward': {
        types: './dist/probe-reward/index.d.ts',
        '@alphaswarm/source': './src/probe-reward/index.ts',
        import: './dist/probe-reward/index.js',
        default: './dist/probe-reward/index.js',
      },
      './package.json': self,
    };
    writeFileSync(join(root, 'packages/monolith/package.json'), `${JSON.stringify(manifest, null, 2)}\n`);

    const result = nx('g', '@alphaswarm/workspace-plugin:move-module', '--from=monolith:probe-reward', '--to=rl');
    expect(result.status, result.output).toBe(0);
    expect(read('packages/rl/src/probe-reward/discounted-return.ts')).toContain('export function discountedReturn');
    expect(read('packages/monolith/src/probe-reward/index.ts')).toContain(
      `warnDeprecatedImport('${code}', '@alphaswarm/monolith/probe-reward', '@alphaswarm/rl/probe-reward');`,
    );
    const specifiers = ['packages', 'tools']
      .flatMap(sourceFiles)
      .flatMap((file) => moduleSpecifiers(file, read(file)).map((specifier) => `${file} -> ${specifier.text}`));
    expect(
      specifiers.filter(
        (line) => line.endsWith('-> @alphaswarm/monolith/probe-reward') || line.includes('monolith/src/probe-reward/discounted-return'),
      ),
    ).toEqual([]);
    expect(specifiers.filter((line) => line.endsWith('-> @alphaswarm/rl/probe-reward'))).toEqual([
      'packages/monolith/src/probe-reward/index.ts -> @alphaswarm/rl/probe-reward',
      'packages/monolith/src/probe-reward/index.ts -> @alphaswarm/rl/probe-reward',
    ]);
  }, 300_000);

  it('leaves the workspace in sync, and lint, typecheck, tests and API reports of the affected projects pass', () => {
    // typecheck refuses to run while `nx sync` has pending changes, so a pass also means the references are in sync.
    const result = nx(
      'run-many',
      '-t',
      'lint',
      'typecheck',
      'test',
      'api-report',
      '-p',
      'probe-signals,monolith,rl',
      '--outputStyle=static',
    );
    expect(result.status, result.output).toBe(0);
    expect(result.output).toContain('src/probe-reward/discounted-return.spec.ts');
    expect(result.output).toContain('src/domain-info.spec.ts');
  }, 400_000);

  it('keeps the old public path working for a plain-Node consumer of the built packages, warning once', () => {
    // monolith's shim suite installs the built packages outside the workspace and imports every policy shim from plain Node.
    const result = run(process.execPath, [
      join(workspace, 'node_modules/vitest/vitest.mjs'),
      'run',
      '--root',
      'packages/monolith',
      '--reporter=verbose',
      'src/shims.spec.ts',
    ]);
    expect(result.status, result.output).toBe(0);
    expect(result.output).toContain(`'./probe-reward' warns once with '${code}' and gives the same bindings`);
    expect(result.output).toContain("'probe-reward' marks every export @deprecated and uses the policy code");
  }, 120_000);

  it('fails lint on a forbidden import in the new domain, naming the rule', () => {
    writeFileSync(
      join(root, 'packages/probe-signals/src/notes.ts'),
      "import { contentDigest } from '@alphaswarm/snippets';\n\nexport const digest = contentDigest;\n",
    );
    const result = run(process.execPath, [join(workspace, 'node_modules/eslint/bin/eslint.js'), 'packages/probe-signals/src/notes.ts']);
    expect(result.status).toBe(1);
    expect(result.output).toContain(
      'probe-signals -> snippets is forbidden: @alphaswarm/snippets is off-limits to probe-signals (snippets-read-only: "`alphaswarm_snippets` is read-only knowledge',
    );
  }, 60_000);
});

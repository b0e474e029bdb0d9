import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, posix } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nextShimCode, type Policy } from '@alphaswarm/policy';
import { moduleDeclarations } from '../lib/module-declarations.js';

/*
 * The generators as a person runs them, in one temporary copy of the workspace (installed from
 * the lockfile and the local store): a new domain, then the seed's strangler step on two real
 * shared primitives that four domains import through monolith-primitives' entry. Each `nx g`
 * runs its own post-generation task (install, API reports, docs); nothing else runs between
 * them. Then everything the test command checks for the projects involved must pass there.
 */

const workspace = join(import.meta.dirname, '../../../..');
const policyOf = (root: string) => JSON.parse(readFileSync(join(root, 'tools/policy/policy.json'), 'utf8')) as Policy;
const firstCode = nextShimCode(policyOf(workspace));
const codeAfter = (code: string) => `ASWDEP${String(Number(code.slice('ASWDEP'.length)) + 1).padStart(3, '0')}`;

/** `file: name` of every import by name from `@alphaswarm/monolith-primitives` in the packages of `root`. */
function primitivesImportsIn(root: string): string[] {
  const sourceFiles = (folder: string): string[] =>
    readdirSync(join(root, folder), { withFileTypes: true }).flatMap((entry) => {
      const path = `${folder}/${entry.name}`;
      if (entry.isDirectory()) return ['node_modules', 'dist', 'out-tsc'].includes(entry.name) ? [] : sourceFiles(path);
      return /\.(ts|mts|js|mjs)$/.test(entry.name) ? [path] : [];
    });
  return sourceFiles('packages').flatMap((file) =>
    moduleDeclarations(file, readFileSync(join(root, file), 'utf8'))
      .filter((declaration) => declaration.specifier === '@alphaswarm/monolith-primitives')
      .flatMap((declaration) => declaration.named.map((element) => `${file}: ${element.propertyName ?? element.name}`)),
  );
}

/**
 * What the strangler extracts next: two modules monolith-primitives' entry re-exports by name that
 * are not compatibility bindings yet and that other packages import. Read from the workspace as it
 * stands, so the test holds after real moves too.
 */
const nextPrimitives = (() => {
  const entry = 'packages/monolith-primitives/src/index.ts';
  const shims = new Set(policyOf(workspace).shims.map((shim) => shim.file));
  const imported = new Set(
    primitivesImportsIn(workspace)
      .filter((line) => !line.startsWith('packages/monolith-primitives/'))
      .map((line) => line.split(': ')[1]),
  );
  const byModule = new Map<string, string[]>();
  for (const declaration of moduleDeclarations(entry, readFileSync(join(workspace, entry), 'utf8'))) {
    const module = posix.normalize(declaration.specifier).replace(/\.js$/, '.ts');
    if (declaration.kind !== 'export' || !module.startsWith('lib/') || shims.has(`packages/monolith-primitives/src/${module}`)) continue;
    byModule.set(module, [...(byModule.get(module) ?? []), ...declaration.named.map((element) => element.name)]);
  }
  // progress (an object) and RequestContext (a class) first, as the seed's migration would take them, while they are left.
  const preferred = ['lib/progress.ts', 'lib/request-context.ts'];
  const rank = (module: string) => (preferred.includes(module) ? preferred.indexOf(module) : preferred.length);
  return [...byModule]
    .filter(([, names]) => names.some((name) => imported.has(name)))
    .sort(([a], [b]) => rank(a) - rank(b))
    .slice(0, 2)
    .map(([module, names], index) => ({ module, names, code: index === 0 ? firstCode : codeAfter(firstCode) }));
})();
const movedNames = nextPrimitives.flatMap((move) => move.names);

/** pnpm as the test command was started with (on the PATH under `npx pnpm …`), else the pinned one through npx. */
const pnpm: readonly string[] =
  spawnSync('pnpm', ['--version'], { encoding: 'utf8' }).status === 0 ? ['pnpm'] : ['npx', '-y', 'pnpm@10.34.9'];
const storeDir = execFileSync(pnpm[0] as string, [...pnpm.slice(1), 'store', 'path'], { cwd: workspace, encoding: 'utf8' })
  .trim()
  .split('\n')
  .at(-1) as string;

/** A person's shell: none of the variables of the Nx task or the vitest worker this test runs in; the same pnpm store as the workspace. */
const env = {
  ...Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) => !/^(NX_|VITEST|VITE_)/.test(name) && !['TEST', 'NODE_ENV', 'NODE_OPTIONS', 'NODE_PATH', 'FORCE_COLOR'].includes(name),
    ),
  ),
  NX_DAEMON: 'false',
  NX_NO_CLOUD: 'true',
  NX_TUI: 'false',
  NO_COLOR: '1',
  npm_config_store_dir: storeDir,
};

describe('the generators in a temporary copy of the workspace, through the nx CLI', () => {
  let root: string;
  const run = (command: string, args: readonly string[]) => {
    const result = spawnSync(command, args, { cwd: root, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    return { status: result.status, stdout: result.stdout, output: `${result.stdout}${result.stderr}` };
  };
  const pnpmRun = (...args: string[]) => run(pnpm[0] as string, [...pnpm.slice(1), ...args]);
  const nx = (...args: string[]) => run(process.execPath, [createRequire(join(root, 'package.json')).resolve('nx/bin/nx.js'), ...args]);
  const read = (path: string) => readFileSync(join(root, path), 'utf8');

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'alphaswarm-generators-e2e-'));
    const files = execFileSync('git', ['ls-files', '-co', '--exclude-standard', '-z'], { cwd: workspace, encoding: 'utf8' })
      .split('\0')
      .filter(Boolean);
    for (const file of files) {
      mkdirSync(dirname(join(root, file)), { recursive: true });
      try {
        cpSync(join(workspace, file), join(root, file));
      } catch {
        // A tracked file deleted in the working tree is not part of the copy.
      }
    }
    const install = pnpmRun('install', '--frozen-lockfile', '--offline');
    if (install.status !== 0) throw new Error(`pnpm install in ${root} failed:\n${install.output}`);
    // A repository of its own, the copy committed: the gate's contracts criterion compares each API
    // report with the commit, so what the generators change is a change since it.
    const git = (...args: string[]) =>
      execFileSync('git', args, {
        cwd: root,
        env: {
          ...process.env,
          GIT_AUTHOR_NAME: 'e2e',
          GIT_AUTHOR_EMAIL: 'e2e@localhost',
          GIT_COMMITTER_NAME: 'e2e',
          GIT_COMMITTER_EMAIL: 'e2e@localhost',
        },
        stdio: 'pipe',
      });
    git('init', '-q', '-b', 'main');
    git('add', '-A');
    git('commit', '-q', '-m', 'the workspace as copied');
  }, 300_000);
  // Removing the copy (sources, build output, the Nx cache the runs wrote) takes more than vitest's
  // 10 s default on a loaded two-core machine; the margin matches the copy's.
  afterAll(() => {
    if (root) rmSync(root, { recursive: true, force: true });
  }, 120_000);

  it('nx g …:domain adds a registered domain, installs, writes its API report, and leaves the deep-proven docs as the next step', () => {
    const result = nx(
      'g',
      '@alphaswarm/workspace-plugin:domain',
      'probe-risk',
      '--allow=core',
      '--owns=Trading risk (a probe of the generator)',
    );
    expect(result.status, result.output).toBe(0);
    expect(result.output).toContain('CREATE packages/probe-risk/README.md');
    expect(result.output).toContain('UPDATE docs/domain-map.md');
    for (const step of [
      '> pnpm install',
      '> pnpm nx run-many -t api-report -p probe-risk --update',
      'Next steps:',
      '  - pnpm docs:update (regenerates',
    ])
      expect(result.output).toContain(step);
    expect(result.output).not.toContain('> pnpm docs:update');
    expect(read('packages/probe-risk/api/index.api.md')).toMatch(/## API Report File for "@alphaswarm\/probe-risk"\n[\s\S]*```ts\n\n```/);
    expect(policyOf(root).domains.find((domain) => domain.name === 'probe-risk')?.mayImport).toEqual(['core']);
    expect(read('pnpm-lock.yaml')).toContain('packages/probe-risk:');
  }, 900_000);

  it('fails lint on a forbidden import in the new domain, naming the rule', () => {
    writeFileSync(
      join(root, 'packages/probe-risk/src/notes.ts'),
      "import { contentDigest } from '@alphaswarm/snippets';\n\nexport const digest = contentDigest;\n",
    );
    const result = run(process.execPath, [join(root, 'node_modules/eslint/bin/eslint.js'), 'packages/probe-risk/src/notes.ts']);
    rmSync(join(root, 'packages/probe-risk/src/notes.ts'));
    expect(result.status).toBe(1);
    expect(result.output).toContain(
      'probe-risk → snippets: "@alphaswarm/snippets": probe-risk may not import snippets (snippets-read-only: "`alphaswarm_snippets` is read-only knowledge',
    );
  }, 120_000);

  it('finds two modules of monolith-primitives’ entry to extract', () => {
    expect(nextPrimitives.map((move) => move.module)).toHaveLength(2);
  });

  it.each(nextPrimitives)(
    'nx g …:move-module --from=monolith-primitives:$module --to=core rewrites every importer of $names to core',
    ({ module, names, code }) => {
      const importers = primitivesImportsIn(root).filter((line) => names.includes(line.split(': ')[1] as string));
      expect(importers.filter((line) => !line.startsWith('packages/monolith-primitives/')).length).toBeGreaterThan(0);
      const result = nx('g', '@alphaswarm/workspace-plugin:move-module', `--from=monolith-primitives:${module}`, '--to=core');
      expect(result.status, result.output).toBe(0);
      expect(result.output).toContain('  - pnpm docs:update (regenerates');
      expect(primitivesImportsIn(root).filter((line) => names.includes(line.split(': ')[1] as string))).toEqual([]);
      expect(read(`packages/core/src/${module}`)).toBe(readFileSync(join(workspace, 'packages/monolith-primitives/src', module), 'utf8'));
      expect(policyOf(root).shims.at(-1)).toMatchObject({
        file: `packages/monolith-primitives/src/${module}`,
        subpath: '.',
        target: '@alphaswarm/core',
        code,
        bindings: names,
        entry: 'packages/monolith-primitives/src/index.ts',
      });
    },
    900_000,
  );

  it('after the one `pnpm docs:update` the generators leave as a next step: lint, typecheck, build, tests and API reports green, the graph in sync, no boundary violation and the docs current', () => {
    const docs = pnpmRun('docs:update');
    expect(docs.status, docs.output).toBe(0);
    // Lint covers the compatibility bindings' ESLint treatment on the real files (the shim imports core, the entry imports the shim).
    const projects = 'probe-risk,core,monolith-primitives,bots,rl,models,monolith';
    const checks = nx('run-many', '-t', 'lint', 'typecheck', 'build', 'test', 'api-report', '-p', projects, '--outputStyle=static');
    expect(checks.status, checks.output).toBe(0);
    for (const command of [['exec', 'nx', 'sync:check'], ['boundaries'], ['docs:check']]) {
      const result = pnpmRun(...command);
      expect(result.status, `${command.join(' ')}\n${result.output}`).toBe(0);
    }
  }, 900_000);

  it('has the gate (in the split readiness that pnpm docs:update regenerated) ask core for the version bump its grown API needs and the new, empty domain for a test, and no longer name the moved primitives for the domains that used them', () => {
    const readiness = read('docs/split-readiness.md');
    const criterion = (domain: string, id: string) =>
      readiness
        .split(`## ${domain}\n`)[1]
        ?.split('\n')
        .find((line) => line.startsWith(`| ${id} |`)) ?? '';
    const isolation = (domain: string) => criterion(domain, 'isolation');
    expect(
      ['core', 'probe-risk', 'rl', 'models', 'bots'].map(
        (domain) =>
          readiness
            .split('\n')
            .find((line) => line.startsWith(`| ${domain} | `))
            ?.split(' | ')[1],
      ),
    ).toEqual(['**no**', '**no**', '**no**', '**no**', '**no**']);
    // The moves grew core's public API: the contracts criterion asks for the minor bump that needs
    // (move-module does not bump versions), and nothing else holds core back.
    expect(criterion('core', 'contracts')).toMatch(/so core needs version \d+\.\d+\.\d+ or later/);
    for (const id of ['docs', 'packaging', 'boundaries', 'isolation']) expect(criterion('core', id)).toMatch(/^\| \w+ \| ✓ \|/);
    // The new domain is an empty package: no spec, so no test target, and the gate will not call a
    // domain ready whose validation cannot run a test. Its first spec makes it ready.
    expect(criterion('probe-risk', 'docs')).toContain('probe-risk has no "test" target');
    expect(isolation('rl')).toContain('rl uses from monolith-primitives: ');
    const moved = new RegExp(`\\b(${movedNames.join('|')})\\b`);
    for (const domain of ['rl', 'models', 'bots', 'monolith']) expect(isolation(domain)).not.toMatch(moved);
  });

  it('keeps the old exports working for a plain-Node consumer of the built packages, each warning once', () => {
    // monolith's shim suite installs the built packages outside the workspace and uses every policy shim from plain Node.
    const result = run(process.execPath, [
      join(root, 'node_modules/vitest/vitest.mjs'),
      'run',
      '--root',
      'packages/monolith',
      '--reporter=verbose',
      'src/shims.spec.ts',
    ]);
    expect(result.status, result.output).toBe(0);
    for (const { names, code } of nextPrimitives)
      expect(result.output).toMatch(
        new RegExp(`✓ .*'@alphaswarm/monolith-primitives' keeps \\[ '${names[0]}'.* working, warning once with '${code}' when used`),
      );
  }, 300_000);
});

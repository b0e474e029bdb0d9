// Shared vitest settings for every workspace project (each vitest.config.mts calls defineProject).
import { readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { defineConfig } from 'vitest/config';

/** Workspace packages resolve to their TypeScript sources in tests (see each package's exports). */
const sourceConditions = ['@alphaswarm/source', 'import', 'node', 'default'];

/** End-to-end specs: slow, run by the project's `e2e` target (vitest.e2e.config.mts), never by `test`. */
const e2eSpecs = 'src/**/*.e2e.spec.ts';

/**
 * The integration tests the policy declares for the project in `projectDir` (tools/policy/policy.json,
 * `integrationTests`): their spec globs relative to the project, by target. They need another
 * project, so `test` leaves them out and their own target runs them.
 * @param {string} projectDir
 * @returns {Map<string, string[]>}
 */
function integrationSpecs(projectDir) {
  const workspaceRoot = import.meta.dirname;
  const root = relative(workspaceRoot, projectDir).split('\\').join('/');
  const policy = JSON.parse(readFileSync(join(workspaceRoot, 'tools/policy/policy.json'), 'utf8'));
  const manifest = JSON.parse(readFileSync(join(projectDir, 'package.json'), 'utf8'));
  const project = manifest.nx?.name ?? manifest.name;
  return new Map(
    (policy.integrationTests ?? [])
      .filter((test) => test.project === project)
      .map((test) => [test.target, test.files.filter((file) => file.startsWith(`${root}/`)).map((file) => file.slice(root.length + 1))]),
  );
}

/**
 * @param {string} projectDir absolute path of the project folder
 * @param {import('vitest/config').ViteUserConfig['test']} [test] overrides
 */
export function defineProject(projectDir, test = {}) {
  const workspaceRoot = import.meta.dirname;
  return defineConfig({
    root: projectDir,
    cacheDir: `${workspaceRoot}/node_modules/.vite/${relative(workspaceRoot, projectDir)}`,
    resolve: { conditions: sourceConditions },
    ssr: { resolve: { conditions: sourceConditions, externalConditions: ['@alphaswarm/source'] } },
    test: {
      name: basename(projectDir),
      watch: false,
      environment: 'node',
      include: ['src/**/*.spec.ts', 'src/**/*.test.ts'],
      exclude: ['**/node_modules/**', '**/dist/**', e2eSpecs, ...[...integrationSpecs(projectDir).values()].flat()],
      reporters: ['default'],
      passWithNoTests: false,
      ...test,
    },
  });
}

/**
 * The `e2e` target's configuration: only the end-to-end specs, one file at a time (each copies or
 * installs a workspace, and the machines this runs on have two cores).
 * @param {string} projectDir absolute path of the project folder
 * @param {import('vitest/config').ViteUserConfig['test']} [test] overrides
 */
export function defineE2eProject(projectDir, test = {}) {
  return defineProject(projectDir, { include: [e2eSpecs], exclude: ['**/node_modules/**', '**/dist/**'], fileParallelism: false, ...test });
}

/**
 * An integration target's configuration (vitest.integration.config.mts): only the specs the policy
 * declares for `target` of this project, one file at a time.
 * @param {string} projectDir absolute path of the project folder
 * @param {string} target the Nx target, as in the policy's integrationTests
 * @param {import('vitest/config').ViteUserConfig['test']} [test] overrides
 */
export function defineIntegrationProject(projectDir, target, test = {}) {
  const include = integrationSpecs(projectDir).get(target);
  if (!include || include.length === 0) {
    throw new Error(
      `tools/policy/policy.json declares no integration test "${target}" with spec files for ${projectDir}: add it to integrationTests`,
    );
  }
  return defineProject(projectDir, { include, exclude: ['**/node_modules/**', '**/dist/**'], fileParallelism: false, ...test });
}

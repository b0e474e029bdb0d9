// Shared vitest settings for every workspace project (each vitest.config.mts calls defineProject).
import { basename, relative } from 'node:path';
import { defineConfig } from 'vitest/config';

/** Workspace packages resolve to their TypeScript sources in tests (see each package's exports). */
const sourceConditions = ['@alphaswarm/source', 'import', 'node', 'default'];

/** End-to-end specs: slow, run by the project's `e2e` target (vitest.e2e.config.mts), never by `test`. */
const e2eSpecs = 'src/**/*.e2e.spec.ts';

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
      exclude: ['**/node_modules/**', '**/dist/**', e2eSpecs],
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

// Shared vitest settings for every workspace project (each vitest.config.mts calls defineProject).
import { basename, relative } from 'node:path';
import { defineConfig } from 'vitest/config';

/** Workspace packages resolve to their TypeScript sources in tests (see each package's exports). */
const sourceConditions = ['@alphaswarm/source', 'import', 'node', 'default'];

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
      reporters: ['default'],
      passWithNoTests: false,
      ...test,
    },
  });
}

import { writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { loadPolicy } from '@alphaswarm/policy';
import { BenchError } from '../bench-error.js';
import { measureCommand } from '../measure-command.js';
import type { Checker, Finding } from './checker.js';
import { checkerEnv, packageFile } from './checker-env.js';
import { nxDepConstraints } from './nx-dep-constraints.js';

interface EslintResult {
  readonly filePath: string;
  readonly messages: readonly {
    readonly ruleId: string | null;
    readonly line?: number;
    readonly column?: number;
    readonly fatal?: boolean;
  }[];
}

const ignores = "{ ignores: ['**/node_modules', '**/.nx', '**/dist'] }";

/**
 * ESLint over every project's TypeScript (typescript-eslint's parser, no type information) with
 * one boundary rule and nothing else: `nx` is `@nx/enforce-module-boundaries` with the policy as
 * tag constraints ({@link nxDepConstraints}), reading the project graph Nx cached (computed
 * untimed before the runs, as `nx lint` would have); `alphaswarm` is the workspace's own rule,
 * `alphaswarm/boundaries`, the boundary engine inside ESLint.
 */
export function eslintChecker(rule: 'nx' | 'alphaswarm'): Checker {
  const config = `eslint.bench-${rule}.config.mjs`;
  return {
    id: `eslint-${rule}`,
    label: rule === 'nx' ? 'ESLint + @nx/enforce-module-boundaries' : 'ESLint + alphaswarm/boundaries',
    limits:
      rule === 'nx'
        ? 'no manifests, unplaced projects, exceptions, legacy shim paths, vi.mock, typeof import() or import(variable); banned packages only when installed'
        : 'no manifests or unplaced projects (source files only); the same engine as pnpm boundaries',
    prepare(workspace) {
      const text =
        rule === 'nx'
          ? [
              "import nx from '@nx/eslint-plugin';",
              "import tseslint from 'typescript-eslint';",
              '',
              'export default [',
              `  ${ignores},`,
              '  {',
              "    files: ['**/*.ts'],",
              '    languageOptions: { parser: tseslint.parser },',
              "    plugins: { '@nx': nx },",
              '    rules: {',
              "      '@nx/enforce-module-boundaries': [",
              "        'error',",
              `        { allow: [], enforceBuildableLibDependency: false, banTransitiveDependencies: false, depConstraints: ${JSON.stringify(nxDepConstraints(loadPolicy(workspace)))} },`,
              '      ],',
              '    },',
              '  },',
              '];',
              '',
            ]
          : [
              "import tseslint from 'typescript-eslint';",
              "import { boundariesConfig } from '@alphaswarm/policy/eslint';",
              '',
              'export default [',
              `  ${ignores},`,
              "  { files: ['**/*.ts'], languageOptions: { parser: tseslint.parser } },",
              '  ...boundariesConfig(import.meta.dirname),',
              '];',
              '',
            ];
      writeFileSync(join(workspace, config), text.join('\n'));
      if (rule === 'nx') {
        // The rule reads the graph Nx cached and skips itself without one: compute it, untimed.
        const graph = measureCommand({
          command: process.execPath,
          args: [packageFile('nx', 'dist/bin/nx.js'), 'show', 'projects'],
          cwd: workspace,
          env: checkerEnv(),
        });
        if (graph.status !== 0)
          throw new BenchError('ASW-1404', `nx show projects failed in ${workspace}: ${graph.stderr.trim().slice(0, 500)}`);
      }
    },
    command: (workspace) => ({
      command: process.execPath,
      args: [packageFile('eslint', 'bin/eslint.js'), '--config', config, '--format', 'json', '--no-warn-ignored', 'packages'],
      cwd: workspace,
      env: checkerEnv(),
    }),
    findings(run, workspace) {
      if (run.stdout.includes('No cached ProjectGraph is available'))
        throw new BenchError('ASW-1404', 'ESLint ran without a cached Nx project graph: @nx/enforce-module-boundaries skipped itself');
      let results: EslintResult[];
      try {
        results = JSON.parse(run.stdout) as EslintResult[];
      } catch {
        throw new BenchError('ASW-1404', `ESLint failed (exit ${run.status}): ${run.stderr.trim().slice(0, 500)}`);
      }
      return results.flatMap((result) =>
        result.messages.map((message): Finding => ({
          file: relative(workspace, result.filePath).replaceAll('\\', '/'),
          line: message.line,
          column: message.column,
        })),
      );
    },
  };
}

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { workspaceRoot } from '@nx/devkit';
import { ESLint } from 'eslint';
import { globSync } from 'tinyglobby';
import { describe, expect, it } from 'vitest';
import { discoverProjects } from './lib/workspace/discover-projects.js';

/*
 * The ESLint configuration is wiring: it calls the boundary engine and holds no copy of the
 * policy's table, its domain lookup or any specifier logic, so that ESLint and `pnpm boundaries`
 * cannot drift apart.
 */

const configs = globSync(['eslint.config.*', '**/eslint.config.*'], { cwd: workspaceRoot, ignore: ['**/node_modules/**', '**/dist/**'] });

/** What only a copy of the policy or of the engine would contain. */
const forbidden: readonly [string, RegExp][] = [
  ['reads the policy file', /policy\.json/],
  ['reads files', /\b(?:readFileSync|readdirSync|readFile|existsSync|createRequire)\b/],
  ['uses the policy table', /\b(?:mayImport|importableBy|seedRules|bannedExternals|shims|reverseRule|splitCandidate)\b/],
  ['looks up domains or tags', /\b(?:domainOf|tags|domain:|type:)/],
  [
    'matches specifiers itself',
    /\b(?:ImportDeclaration|ImportExpression|CallExpression|ExportAllDeclaration|TSImportType|Literal)\b|\brequire\b|no-restricted-syntax/,
  ],
  ['configures a second boundary rule', /enforce-module-boundaries|depConstraints/],
];

describe('eslint.config.*', () => {
  it('exists once, at the root', () => {
    expect(configs).toEqual(['eslint.config.mjs']);
  });

  it.each(configs.flatMap((config) => forbidden.map(([what, pattern]) => ({ config, what, pattern }))))(
    '$config never $what',
    ({ config, pattern }) => {
      const code = readFileSync(join(workspaceRoot, config), 'utf8')
        .split('\n')
        .filter((line) => !line.trimStart().startsWith('//'))
        .join('\n');
      expect(code.match(pattern)?.[0]).toBeUndefined();
    },
  );

  it.each(discoverProjects(workspaceRoot).map((project) => project.root))(
    'gives every source of %s the engine’s rule and no other boundary rule',
    async (root) => {
      const eslint = new ESLint({ cwd: workspaceRoot });
      for (const file of [`${root}/src/index.ts`, `${root}/scripts/tool.mjs`, `${root}/vitest.config.mts`, `${root}/bin/cli.cjs`]) {
        const config = (await eslint.calculateConfigForFile(join(workspaceRoot, file))) as {
          rules: Record<string, unknown>;
          plugins: Record<string, { meta?: { name?: string } }>;
        };
        expect({
          file,
          boundaries: config.rules['alphaswarm/boundaries'],
          plugin: config.plugins['alphaswarm']?.meta?.name,
          others: Object.keys(config.rules).filter((rule) =>
            /enforce-module-boundaries|no-restricted-(syntax|imports)|cross-root/.test(rule),
          ),
        }).toEqual({ file, boundaries: [2], plugin: '@alphaswarm/policy/eslint', others: [] });
      }
    },
    // The first case loads ESLint and the configuration; a machine busy with other Nx tasks needs the margin.
    60_000,
  );
});

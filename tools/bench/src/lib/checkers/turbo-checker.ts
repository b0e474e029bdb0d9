import { writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { loadBoundaryWorkspace } from '@alphaswarm/policy';
import { BenchError } from '../bench-error.js';
import type { Checker, Finding } from './checker.js';
import { checkerEnv, packageFile } from './checker-env.js';
import { nxDepConstraints } from './nx-dep-constraints.js';

/**
 * The policy as `turbo boundaries` tag rules: each package's tags in its own `turbo.json`, and per
 * single source tag of the table (domain and type) the tags its dependencies may carry. Turbo
 * judges declared package dependencies by tag, and each import against the package's declared
 * dependencies and folder.
 */
export function turboConfig(workspace: string): { readonly root: string; readonly packages: ReadonlyMap<string, string> } {
  const { policy, projects } = loadBoundaryWorkspace(workspace);
  const tags: Record<string, { dependencies: { allow: readonly string[] } }> = {};
  for (const constraint of nxDepConstraints(policy))
    if (constraint.sourceTag) tags[constraint.sourceTag] = { dependencies: { allow: constraint.onlyDependOnLibsWithTags } };
  const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;
  return {
    root: json({ $schema: 'https://turborepo.com/schema.json', tasks: {}, boundaries: { tags } }),
    packages: new Map(projects.map((project) => [`${project.root}/turbo.json`, json({ extends: ['//'], tags: project.tags })])),
  };
}

/** Turborepo's `turbo boundaries` (2.8) with {@link turboConfig}'s rules. */
export function turboChecker(): Checker {
  return {
    id: 'turbo',
    label: 'turbo boundaries 2.8',
    limits:
      'tag rules judge transitive package dependencies, so the direct-only table flags valid chains (ext-N → ext-N-1 → …); no multi-tag source rule, exceptions, unplaced projects, import(), vi.mock or import(variable); banned packages and legacy shim paths only as undeclared dependencies',
    prepare(workspace) {
      const { root, packages } = turboConfig(workspace);
      writeFileSync(join(workspace, 'turbo.json'), root);
      for (const [file, text] of packages) writeFileSync(join(workspace, file), text);
    },
    command: (workspace) => ({
      command: process.execPath,
      args: [packageFile('turbo', 'bin/turbo'), 'boundaries'],
      cwd: workspace,
      env: { ...checkerEnv(), TURBO_TELEMETRY_DISABLED: '1', DO_NOT_TRACK: '1', TURBO_NO_UPDATE_NOTIFIER: '1' },
    }),
    findings(run, workspace) {
      const output = `${run.stdout}\n${run.stderr}`;
      if (!/Checked \d+ files in \d+ packages/.test(output))
        throw new BenchError('ASW-1404', `turbo boundaries failed (exit ${run.status}): ${output.trim().slice(0, 500)}`);
      const findings: Finding[] = [];
      for (const match of output.matchAll(/,-\[([^\]\n]+?):(\d+):(\d+)\]/g)) {
        const file = relative(workspace, resolve(workspace, match[1] as string)).replaceAll('\\', '/');
        // Tag verdicts point at the dependency's tags and at the rule (turbo.json files): they are read below.
        if (!file.endsWith('turbo.json')) findings.push({ file, line: Number(match[2]), column: Number(match[3]) });
      }
      // A tag verdict on a declared dependency names the depending package: its manifest is what is judged.
      const roots = new Map(loadBoundaryWorkspace(workspace).projects.map((project) => [project.packageName, project.root]));
      for (const match of output.matchAll(/found without any tag listed in allowlist for\s*\|?\s*`([^`]+)`/g)) {
        const root = roots.get(match[1] as string);
        if (root) findings.push({ file: `${root}/package.json` });
      }
      return findings;
    },
  };
}

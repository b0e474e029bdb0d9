import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { WorkspaceProject } from '../workspace-graph.js';

/** Root files a workspace needs to install, build, lint and test its projects (copied when present). */
export const rootFiles = [
  'pnpm-workspace.yaml',
  'pnpm-lock.yaml',
  'nx.json',
  'tsconfig.base.json',
  'eslint.config.mjs',
  'vitest.shared.mjs',
  '.npmrc',
  'tools/policy/policy.json',
];

const skipped = new Set(['node_modules', 'dist', 'out-tsc', '.nx', 'coverage', 'tmp']);

/**
 * Copy `projects` (their folders, without installs or build output) and the root configuration
 * into `target`, with a root package.json that keeps only the workspace dependencies present and a
 * solution tsconfig.json that references only these projects. Nothing else of the repository is
 * copied. Returns the implicit dependencies it had to drop (on projects not copied).
 */
export function assembleWorkspace(root: string, target: string, projects: readonly WorkspaceProject[]): string[] {
  const names = new Set(projects.map((project) => project.name));
  const dropped: string[] = [];
  for (const project of projects) {
    cpSync(join(root, project.root), join(target, project.root), {
      recursive: true,
      filter: (source) => !skipped.has(basename(source)) && !source.endsWith('.tsbuildinfo'),
    });
    dropped.push(...dropImplicitDependencies(join(target, project.root, 'package.json'), project.name, names));
  }
  for (const file of rootFiles) {
    if (!existsSync(join(root, file))) continue;
    mkdirSync(dirname(join(target, file)), { recursive: true });
    cpSync(join(root, file), join(target, file));
  }
  const packageNames = new Set(projects.map((project) => project.packageName));
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Record<string, unknown>;
  const keep = (deps: unknown): Record<string, string> | undefined =>
    deps === undefined
      ? undefined
      : Object.fromEntries(
          Object.entries(deps as Record<string, string>).filter(
            ([name, version]) => !version.startsWith('workspace:') || packageNames.has(name),
          ),
        );
  const { scripts: _scripts, ...rest } = manifest;
  writeFileSync(
    join(target, 'package.json'),
    `${JSON.stringify({ ...rest, dependencies: keep(manifest['dependencies']), devDependencies: keep(manifest['devDependencies']) }, null, 2)}\n`,
  );
  const solution = {
    extends: './tsconfig.base.json',
    compileOnSave: false,
    files: [],
    references: projects.map((project) => ({ path: `./${project.root}` })),
  };
  writeFileSync(join(target, 'tsconfig.json'), `${JSON.stringify(solution, null, 2)}\n`);
  return dropped;
}

/**
 * Implicit dependencies on projects left out are integration edges (not followed by the static
 * closure); Nx refuses a graph whose implicit dependencies name missing projects, so they go.
 * Returns the dropped edges as `source → target`.
 */
function dropImplicitDependencies(manifestPath: string, project: string, names: ReadonlySet<string>): string[] {
  if (!existsSync(manifestPath)) return [];
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { nx?: { implicitDependencies?: string[] } };
  const implicit = manifest.nx?.implicitDependencies;
  if (!implicit || !manifest.nx) return [];
  const kept = implicit.filter((name) => names.has(name.replace(/^!/, '')));
  if (kept.length === implicit.length) return [];
  manifest.nx.implicitDependencies = kept;
  writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
  return implicit.filter((name) => !kept.includes(name)).map((name) => `${project} → ${name}`);
}

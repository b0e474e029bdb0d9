import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { WorkspaceProject } from '../workspace-graph.js';
import { pruneLockfile, type ImporterManifest } from './prune-lockfile.js';
import { pruneNxPlugins } from './prune-nx-plugins.js';

/** Root files a workspace needs to install, build, lint and test its projects (copied when present). */
export const rootFiles = [
  'pnpm-workspace.yaml',
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
 * into `target`, with a root package.json that keeps only the workspace dependencies present, a
 * solution tsconfig.json that references only these projects, nx.json without the local plugins
 * of projects left out, and the lockfile pruned to these
 * projects (so the copy installs `--frozen-lockfile --offline` from the store the repository's
 * own install filled). Nothing else of the repository is copied.
 */
export function assembleWorkspace(root: string, target: string, projects: readonly WorkspaceProject[]): AssembledWorkspace {
  const names = new Set(projects.map((project) => project.name));
  const packageNames = new Set(projects.map((project) => project.packageName));
  const dropped: string[] = [];
  const unassembled: string[] = [];
  const importers = new Map<string, ImporterManifest>();
  for (const project of projects) {
    cpSync(join(root, project.root), join(target, project.root), {
      recursive: true,
      filter: (source) => !skipped.has(basename(source)) && !source.endsWith('.tsbuildinfo'),
    });
    const manifestPath = join(target, project.root, 'package.json');
    dropped.push(...dropImplicitDependencies(manifestPath, project.name, names));
    if (!existsSync(manifestPath)) continue;
    const manifest = readManifest(manifestPath);
    importers.set(project.root, manifest);
    unassembled.push(
      ...workspaceDependencies(manifest)
        .filter((name) => !packageNames.has(name))
        .map((name) => `${project.name} → ${name}`),
    );
  }
  for (const file of rootFiles) {
    if (!existsSync(join(root, file))) continue;
    mkdirSync(dirname(join(target, file)), { recursive: true });
    cpSync(join(root, file), join(target, file));
  }
  const nxJsonPath = join(target, 'nx.json');
  let droppedPlugins: readonly string[] = [];
  if (existsSync(nxJsonPath)) {
    const pruned = pruneNxPlugins(JSON.parse(readFileSync(nxJsonPath, 'utf8')) as Record<string, unknown>, (path) =>
      existsSync(join(target, path)),
    );
    droppedPlugins = pruned.dropped;
    if (droppedPlugins.length > 0) writeFileSync(nxJsonPath, `${JSON.stringify(pruned.nxJson, null, 2)}\n`);
  }
  const manifest = readManifest(join(root, 'package.json'));
  const keep = (deps: Record<string, string> | undefined): Record<string, string> | undefined =>
    deps === undefined
      ? undefined
      : Object.fromEntries(Object.entries(deps).filter(([name, version]) => !version.startsWith('workspace:') || packageNames.has(name)));
  const { scripts: _scripts, ...rest } = manifest;
  const rootManifest = { ...rest, dependencies: keep(manifest.dependencies), devDependencies: keep(manifest.devDependencies) };
  writeFileSync(join(target, 'package.json'), `${JSON.stringify(rootManifest, null, 2)}\n`);
  importers.set('.', rootManifest);
  if (existsSync(join(root, 'pnpm-lock.yaml'))) {
    writeFileSync(join(target, 'pnpm-lock.yaml'), pruneLockfile(readFileSync(join(root, 'pnpm-lock.yaml'), 'utf8'), importers));
  }
  const solution = {
    extends: './tsconfig.base.json',
    compileOnSave: false,
    files: [],
    references: projects.map((project) => ({ path: `./${project.root}` })),
  };
  writeFileSync(join(target, 'tsconfig.json'), `${JSON.stringify(solution, null, 2)}\n`);
  return { droppedImplicitDependencies: dropped, unassembledWorkspaceDependencies: unassembled, droppedPlugins };
}

/** What assembling left out that the copied projects name. */
export interface AssembledWorkspace {
  /** Implicit dependencies removed from the copies because their target was not copied, as `source → target`. */
  readonly droppedImplicitDependencies: readonly string[];
  /**
   * Workspace packages a copied manifest depends on (`workspace:` specifiers) that were not copied,
   * as `project → package`: a frozen install would leave a dangling link, so the caller must refuse.
   */
  readonly unassembledWorkspaceDependencies: readonly string[];
  /** Local Nx plugins of nx.json left out because their files were not copied (Nx would not start). */
  readonly droppedPlugins: readonly string[];
}

function workspaceDependencies(manifest: Manifest): string[] {
  return [manifest.dependencies, manifest.devDependencies, manifest.optionalDependencies].flatMap((deps) =>
    Object.entries(deps ?? {})
      .filter(([, version]) => version.startsWith('workspace:'))
      .map(([name]) => name),
  );
}

interface Manifest extends ImporterManifest {
  readonly scripts?: Record<string, string>;
  readonly dependencies?: Record<string, string>;
  readonly devDependencies?: Record<string, string>;
  readonly optionalDependencies?: Record<string, string>;
  readonly [key: string]: unknown;
}

function readManifest(path: string): Manifest {
  return JSON.parse(readFileSync(path, 'utf8')) as Manifest;
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

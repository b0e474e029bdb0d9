import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { rootFiles, type AssemblyPlan } from './assembly-plan.js';
import { pruneLockfile, type ImporterManifest } from './prune-lockfile.js';
import { pruneNxPlugins } from './prune-nx-plugins.js';

/**
 * Copy the plan's projects (their files as Nx lists them: no installs, build output or other
 * ignored files) and the root configuration into `target`, with a root package.json that keeps
 * only the workspace dependencies present, a solution tsconfig.json that references only these
 * projects, nx.json without the local plugins of projects left out, and the lockfile pruned to these projects (so the copy installs `--frozen-lockfile
 * --offline` from the store the repository's own install filled). Nothing else of the repository
 * is copied.
 */
export function assembleWorkspace(root: string, target: string, plan: AssemblyPlan): AssembledWorkspace {
  const projects = plan.assembled;
  const names = new Set(projects.map((project) => project.name));
  const packageNames = new Set(projects.map((project) => project.packageName));
  const dropped: string[] = [];
  const unassembled: string[] = [];
  const importers = new Map<string, ImporterManifest>();
  for (const file of plan.projectFiles) {
    if (!existsSync(join(root, file))) continue;
    mkdirSync(dirname(join(target, file)), { recursive: true });
    cpSync(join(root, file), join(target, file));
  }
  for (const project of projects) {
    const manifestPath = join(target, project.root, 'package.json');
    dropped.push(...dropUnassembledReferences(manifestPath, project.name, names));
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
  return { droppedReferences: dropped, unassembledWorkspaceDependencies: unassembled, droppedPlugins };
}

/** What assembling left out that the copied projects name. */
export interface AssembledWorkspace {
  /** Implicit dependencies and `dependsOn` entries removed from the copies because they name a project not copied. */
  readonly droppedReferences: readonly string[];
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

/** The part of a manifest's `nx` block that can name other projects. */
interface NxBlock {
  implicitDependencies?: string[];
  targets?: Record<string, { dependsOn?: (string | { projects?: string | string[] })[] }>;
}

/**
 * References to projects left out are integration edges (never followed by the static closure):
 * implicit dependencies, and `dependsOn` entries of targets (an integration target that builds
 * another project first). Nx refuses a graph or a task graph that names missing projects, so they
 * go from the copies. Returns what was dropped as `source → target` (`source:target → project`).
 */
function dropUnassembledReferences(manifestPath: string, project: string, names: ReadonlySet<string>): string[] {
  if (!existsSync(manifestPath)) return [];
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { nx?: NxBlock };
  const nx = manifest.nx;
  if (!nx) return [];
  const dropped: string[] = [];
  const implicit = nx.implicitDependencies ?? [];
  const kept = implicit.filter((name) => names.has(name.replace(/^!/, '')));
  if (kept.length !== implicit.length) {
    nx.implicitDependencies = kept;
    dropped.push(...implicit.filter((name) => !kept.includes(name)).map((name) => `${project} → ${name}`));
  }
  for (const [target, config] of Object.entries(nx.targets ?? {})) {
    if (!config.dependsOn) continue;
    config.dependsOn = config.dependsOn.filter((entry) => {
      const missing =
        typeof entry === 'object' && entry.projects !== undefined ? [entry.projects].flat().filter((name) => !names.has(name)) : [];
      dropped.push(...missing.map((name) => `${project}:${target} → ${name}`));
      return missing.length === 0;
    });
  }
  if (dropped.length > 0) writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
  return dropped;
}

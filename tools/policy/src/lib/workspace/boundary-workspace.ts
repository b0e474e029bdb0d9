import { posix } from 'node:path';
import type { Policy, PolicyException, PolicyShim } from '../policy-schema.js';
import type { BoundaryProject, ProjectStanding } from './boundary-project.js';
import { classifyProject } from './classify-project.js';

/** A project with where it stands in the policy. */
export interface PlacedProject extends BoundaryProject {
  readonly standing: ProjectStanding;
}

/** A legacy shim with the package path it keeps alive (`@alphaswarm/monolith/rl`). */
export interface LegacyShim extends PolicyShim {
  readonly legacyPath: string;
}

/**
 * Everything the verdict needs, indexed once: the policy, the projects with their standing, and
 * lookups by folder, package name, shim file, legacy path and exception file. Build it with
 * {@link createBoundaryWorkspace} (or `loadBoundaryWorkspace` from disk) and share it.
 */
export interface BoundaryWorkspace {
  readonly policy: Policy;
  readonly projects: readonly PlacedProject[];
  readonly byRoot: ReadonlyMap<string, PlacedProject>;
  readonly byPackage: ReadonlyMap<string, PlacedProject>;
  readonly shimsByFile: ReadonlyMap<string, LegacyShim>;
  readonly legacyPaths: ReadonlyMap<string, LegacyShim>;
  readonly exceptionsByFile: ReadonlyMap<string, readonly PolicyException[]>;
}

/** Index `projects` under `policy`. Pure; the projects' tags decide their standing. */
export function createBoundaryWorkspace(policy: Policy, projects: readonly BoundaryProject[]): BoundaryWorkspace {
  const placed = [...projects]
    .map((project) => ({ ...project, root: normaliseRoot(project.root), standing: classifyProject(policy, project.tags) }))
    .sort((a, b) => a.root.localeCompare(b.root));
  const shims = policy.shims.map((shim): LegacyShim => {
    const owner = placed.filter((project) => shim.file.startsWith(`${project.root}/`)).sort((a, b) => b.root.length - a.root.length)[0];
    return { ...shim, legacyPath: `${owner?.packageName ?? `@alphaswarm/${shim.domain}`}${shim.subpath.slice(1)}` };
  });
  const exceptionsByFile = new Map<string, PolicyException[]>();
  for (const exception of policy.exceptions ?? [])
    for (const file of exception.files) exceptionsByFile.set(file, [...(exceptionsByFile.get(file) ?? []), exception]);
  return {
    policy,
    projects: placed,
    byRoot: new Map(placed.map((project) => [project.root, project])),
    byPackage: new Map(placed.flatMap((project) => (project.packageName ? [[project.packageName, project] as const] : []))),
    shimsByFile: new Map(shims.map((shim) => [shim.file, shim])),
    // Compatibility bindings re-exported by a package entry (`bindings`) keep no legacy path of their own.
    legacyPaths: new Map(shims.filter((shim) => shim.bindings === undefined).map((shim) => [shim.legacyPath, shim])),
    exceptionsByFile,
  };
}

/** Each workspace's answers of {@link projectOfPath} by path (a workspace is never changed once built). */
const owners = new WeakMap<BoundaryWorkspace, Map<string, PlacedProject | undefined>>();

/**
 * The project that owns a workspace-relative path: the one with the deepest root that contains
 * it. Looks up each parent folder, so the cost grows with the path's depth, not the project count;
 * a path asked again (every specifier of a file asks for the file's project) is one lookup.
 */
export function projectOfPath(workspace: BoundaryWorkspace, path: string): PlacedProject | undefined {
  let known = owners.get(workspace);
  if (!known) owners.set(workspace, (known = new Map()));
  if (known.has(path)) return known.get(path);
  const owner = findOwner(workspace, path);
  known.set(path, owner);
  return owner;
}

function findOwner(workspace: BoundaryWorkspace, path: string): PlacedProject | undefined {
  let folder = path;
  for (;;) {
    const project = workspace.byRoot.get(folder);
    if (project) return project;
    const slash = folder.lastIndexOf('/');
    if (slash === -1) return workspace.byRoot.get('.');
    folder = folder.slice(0, slash);
  }
}

function normaliseRoot(root: string): string {
  const normalised = posix.normalize(root.replaceAll('\\', '/')).replace(/\/$/, '');
  return normalised === '' ? '.' : normalised;
}

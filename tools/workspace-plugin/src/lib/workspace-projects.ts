import { readJson, type Tree } from '@nx/devkit';
import { discoverProjects, type WorkspaceFiles } from '@alphaswarm/policy';

/** The part of a project's package.json the generators read and edit. */
export interface PackageManifest {
  name: string;
  exports?: Record<string, unknown>;
  sideEffects?: boolean | string[];
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  nx?: { name?: string; tags?: string[]; targets?: Record<string, unknown> };
}

/** A workspace project with a package.json, as Nx and the boundary engine see it. */
export interface WorkspaceProject {
  /** The Nx project name (`nx.name`, else the package name). */
  readonly name: string;
  /** Workspace-relative folder, e.g. `packages/rl`. */
  readonly root: string;
  readonly packageName: string;
  readonly tags: readonly string[];
  readonly manifest: PackageManifest;
}

const SKIPPED = new Set(['node_modules', 'dist', 'out-tsc', 'coverage', 'tmp', '.nx', '.git']);

/** The workspace's files as the devkit tree holds them (written and deleted files included). */
function treeFiles(tree: Tree): WorkspaceFiles {
  const manifests = (folder: string): string[] =>
    tree.children(folder).flatMap((child) => {
      const path = folder === '' ? child : `${folder}/${child}`;
      if (tree.isFile(path)) return child === 'package.json' || child === 'project.json' ? [path] : [];
      return SKIPPED.has(child) ? [] : manifests(path);
    });
  return {
    read: (file) => (tree.isFile(file) ? (tree.read(file, 'utf-8') ?? undefined) : undefined),
    manifests: () => manifests(''),
  };
}

/** Every workspace project in the tree that has a package.json, found as the boundary engine finds them (pnpm-workspace.yaml's globs). */
export function readWorkspaceProjects(tree: Tree): WorkspaceProject[] {
  return discoverProjects(tree.root, treeFiles(tree)).flatMap((project) => {
    if (!tree.isFile(`${project.root}/package.json`)) return [];
    const manifest = readJson<PackageManifest>(tree, `${project.root}/package.json`);
    return [{ name: project.name, root: project.root, packageName: manifest.name, tags: project.tags, manifest }];
  });
}

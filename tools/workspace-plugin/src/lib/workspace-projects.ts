import { readJson, type Tree } from '@nx/devkit';

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

/** A workspace project as Nx and eslint.config.mjs see it: a folder under packages/ or tools/ with a package.json. */
export interface WorkspaceProject {
  /** The Nx project name (`nx.name`, else the package name). */
  readonly name: string;
  /** Workspace-relative folder, e.g. `packages/rl`. */
  readonly root: string;
  readonly packageName: string;
  readonly tags: readonly string[];
  readonly manifest: PackageManifest;
}

/** The folders that hold projects, as in pnpm-workspace.yaml. */
export const PROJECT_FOLDERS = ['packages', 'tools'] as const;

/** Every workspace project in the tree. */
export function readWorkspaceProjects(tree: Tree): WorkspaceProject[] {
  return PROJECT_FOLDERS.flatMap((folder) =>
    tree
      .children(folder)
      .filter((child) => tree.isFile(`${folder}/${child}/package.json`))
      .map((child) => {
        const root = `${folder}/${child}`;
        const manifest = readJson<PackageManifest>(tree, `${root}/package.json`);
        return { name: manifest.nx?.name ?? manifest.name, root, packageName: manifest.name, tags: manifest.nx?.tags ?? [], manifest };
      }),
  );
}

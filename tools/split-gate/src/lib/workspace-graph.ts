/** A workspace project as the boundary checker and the gate see it. */
export interface WorkspaceProject {
  readonly name: string;
  /** Workspace-relative folder, e.g. `packages/core`. */
  readonly root: string;
  readonly tags: readonly string[];
  /** The `name` of its package.json, when it has one. */
  readonly packageName: string | undefined;
  /**
   * Its Nx targets: the outputs each declares (`{projectRoot}` substituted) and the other
   * projects its `dependsOn` names explicitly (e.g. a tool whose build a target needs).
   */
  readonly targets: Readonly<Record<string, { readonly outputs: readonly string[]; readonly dependsOnProjects: readonly string[] }>>;
}

/** How a project depends on another, as Nx records it. */
export type EdgeType = 'static' | 'dynamic' | 'implicit';

/** A project-level edge between two workspace projects. */
export interface ProjectEdge {
  readonly source: string;
  readonly target: string;
  readonly type: EdgeType;
}

/**
 * The data every check runs on: the Nx project graph reduced to plain values, so that the pure
 * evaluation functions can be fed synthetic graphs in tests and benchmarks.
 */
export interface WorkspaceGraph {
  readonly projects: readonly WorkspaceProject[];
  /** Edges between workspace projects (external `npm:` nodes excluded). */
  readonly edges: readonly ProjectEdge[];
  /** External node name (`npm:yaml@2.9.0`) → package name (`yaml`). */
  readonly externalPackages: Readonly<Record<string, string>>;
}

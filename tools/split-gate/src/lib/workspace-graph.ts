/**
 * One `dependsOn` entry of a target, normalised: the target it needs, on the project itself
 * (`self`), on the project's dependencies in the graph (`dependencies`, Nx's `^target`), or on
 * named projects.
 */
export interface TargetDependency {
  readonly target: string;
  readonly projects: 'self' | 'dependencies' | readonly string[];
}

/** One Nx target of a project, as the gate needs it. */
export interface WorkspaceTarget {
  /** The outputs it declares (`{projectRoot}` substituted). */
  readonly outputs: readonly string[];
  /** Other projects its `dependsOn` names explicitly (e.g. a tool whose build it needs). */
  readonly dependsOnProjects: readonly string[];
  /** Its whole `dependsOn`, normalised. */
  readonly dependsOn: readonly TargetDependency[];
}

/** A workspace project as the boundary checker and the gate see it. */
export interface WorkspaceProject {
  readonly name: string;
  /** Workspace-relative folder, e.g. `packages/core`. */
  readonly root: string;
  readonly tags: readonly string[];
  /** The `name` of its package.json, when it has one. */
  readonly packageName: string | undefined;
  /** Its Nx targets. */
  readonly targets: Readonly<Record<string, WorkspaceTarget>>;
}

/** How a project depends on another, as Nx records it. */
export type EdgeType = 'static' | 'dynamic' | 'implicit';

/** A project-level edge between two workspace projects. */
export interface ProjectEdge {
  readonly source: string;
  readonly target: string;
  readonly type: EdgeType;
}

/** One file of a project, as Nx's project file map lists it (git-ignored files are not in it). */
export interface ProjectFile {
  /** Workspace-relative path with `/` separators. */
  readonly file: string;
  readonly project: string;
}

/**
 * The data every check runs on: the Nx project graph reduced to plain values, so that the pure
 * evaluation functions can be fed synthetic graphs in tests and benchmarks.
 */
export interface WorkspaceGraph {
  readonly projects: readonly WorkspaceProject[];
  /** Edges between workspace projects (external `npm:` nodes excluded). */
  readonly edges: readonly ProjectEdge[];
  /** Every project file, as Nx's project file map lists it. */
  readonly files: readonly ProjectFile[];
  /** External node name (`npm:yaml@2.9.0`) → package name (`yaml`). */
  readonly externalPackages: Readonly<Record<string, string>>;
}

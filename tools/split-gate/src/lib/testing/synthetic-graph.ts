import type { FileDependency, ProjectFile } from '../nx/read-file-dependencies.js';
import type { ProjectEdge, WorkspaceGraph, WorkspaceProject } from '../workspace-graph.js';

/** The workspace's ten domain projects (+ a tooling one), as synthetic graph nodes. */
export const syntheticProjects: readonly WorkspaceProject[] = [
  ['core', ['domain:core', 'type:contract']],
  ['controller', ['domain:controller', 'type:service']],
  ['client', ['domain:client', 'type:ui']],
  ['snippets', ['domain:snippets', 'type:knowledge']],
  ['bots', ['domain:bots', 'type:runtime']],
  ['rl', ['domain:rl', 'type:runtime']],
  ['models', ['domain:models', 'type:runtime']],
  ['monolith', ['domain:monolith', 'type:runtime']],
  ['monolith-primitives', ['domain:monolith', 'type:primitives']],
  ['deployment', ['domain:deployment', 'type:deploy']],
].map(([name, tags]) => ({
  name: name as string,
  root: `packages/${name as string}`,
  tags: tags as string[],
  packageName: `@alphaswarm/${name as string}`,
  targets: {
    build: {
      outputs: [`packages/${name as string}/dist/**/*.{js,d.ts}`],
      dependsOnProjects: [],
      dependsOn: [{ target: 'build', projects: 'dependencies' as const }],
    },
  },
}));

/** `[file, project, [target, type?]…]` → a synthetic file of the graph. */
export function file(path: string, project: string, ...deps: (string | [string, FileDependency['type']])[]): ProjectFile {
  return {
    file: path,
    project,
    deps: deps.map((dep) => (typeof dep === 'string' ? { target: dep, type: 'static' } : { target: dep[0], type: dep[1] })),
  };
}

/** A synthetic workspace graph over {@link syntheticProjects}. */
export function syntheticGraph(
  files: readonly ProjectFile[],
  edges: readonly ProjectEdge[] = [],
  externalPackages: Record<string, string> = {},
): WorkspaceGraph {
  return { projects: syntheticProjects, edges, files, externalPackages };
}

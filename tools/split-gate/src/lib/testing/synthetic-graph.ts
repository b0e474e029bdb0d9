import type { ProjectEdge, ProjectFile, WorkspaceGraph, WorkspaceProject } from '../workspace-graph.js';

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

/** A synthetic workspace graph over {@link syntheticProjects}. */
export function syntheticGraph(
  edges: readonly ProjectEdge[] = [],
  externalPackages: Record<string, string> = {},
  files: readonly ProjectFile[] = [],
): WorkspaceGraph {
  return { projects: syntheticProjects, edges, files, externalPackages };
}

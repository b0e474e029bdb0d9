import type { Tree } from '@nx/devkit';
import type { Policy } from '@alphaswarm/policy';
import { renderDomainMap, type WorkspaceGraph } from '@alphaswarm/split-gate';
import { readWorkspaceProjects } from './workspace-projects.js';

/** The generated domain map (see `pnpm docs:update`): it is drawn from the policy and the projects alone. */
export const DOMAIN_MAP = 'docs/domain-map.md';

/**
 * Rewrite the domain map in the tree from `policy` and the tree's projects, as `pnpm docs:update`
 * would from the Nx project graph, so a generator's change and the map stay in one change (and
 * `--dry-run` shows it). A workspace without the map is left as it is.
 */
export function updateDomainMap(tree: Tree, policy: Policy): void {
  if (!tree.isFile(DOMAIN_MAP)) return;
  const projects = readWorkspaceProjects(tree)
    .map((project) => ({ name: project.name, root: project.root, tags: project.tags, packageName: project.packageName, targets: {} }))
    .sort((a, b) => a.name.localeCompare(b.name));
  const graph: WorkspaceGraph = { projects, edges: [], files: [], externalPackages: {} };
  tree.write(DOMAIN_MAP, renderDomainMap(policy, graph));
}

import type { Tree } from '@nx/devkit';
import type { Policy } from '@alphaswarm/policy';
import { renderLegacyImports } from '@alphaswarm/split-gate';
import { readWorkspaceProjects } from './workspace-projects.js';

/**
 * Rewrite every `<project>/src/legacy-imports.ts` in the tree from the shims of `policy`, as
 * `pnpm docs:update` does, so a generator that adds a shim leaves the list in step in the same change.
 */
export function updateLegacyImports(tree: Tree, policy: Policy): void {
  for (const [file, text] of Object.entries(renderLegacyImports(policy, readWorkspaceProjects(tree)))) tree.write(file, text);
}

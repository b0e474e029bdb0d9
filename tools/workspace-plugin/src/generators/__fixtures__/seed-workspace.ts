import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Tree } from '@nx/devkit';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';

/** The real workspace this package lives in. */
export const WORKSPACE_ROOT = join(import.meta.dirname, '../../../../..');
const SKIPPED = new Set(['node_modules', 'dist', 'out-tsc', 'api', 'coverage']);

function copy(tree: Tree, path: string): void {
  const absolute = join(WORKSPACE_ROOT, path);
  if (statSync(absolute).isDirectory()) {
    for (const child of readdirSync(absolute)) if (!SKIPPED.has(child)) copy(tree, relative(WORKSPACE_ROOT, join(absolute, child)));
  } else {
    tree.write(path, readFileSync(absolute));
  }
}

/**
 * An empty Nx workspace tree seeded with the real boundary policy, the root tsconfig.json, the
 * prettier config, the docs the generators keep in step, and the
 * product packages (manifests, tsconfigs and sources; all, or the named ones), so the generators meet the real table.
 */
export function seedWorkspace(packages: readonly string[] = readdirSync(join(WORKSPACE_ROOT, 'packages'))): Tree {
  const tree = createTreeWithEmptyWorkspace();
  // formatFiles should meet the workspace's formatter: prettier with the root config, not the empty workspace's oxfmt.
  tree.delete('.oxfmtrc.json');
  copy(tree, '.prettierrc.json');
  copy(tree, '.prettierignore');
  copy(tree, 'tools/policy/policy.json');
  copy(tree, 'tools/policy/package.json');
  copy(tree, 'tsconfig.json');
  copy(tree, 'pnpm-workspace.yaml');
  copy(tree, 'docs/boundaries.md');
  copy(tree, 'docs/domain-map.md');
  for (const name of packages) copy(tree, `packages/${name}`);
  return tree;
}

/** The tree's pending changes as plain data: a refused generator run must leave this as it was. */
export function changesOf(tree: Tree): { path: string; type: string; content: string | undefined }[] {
  return tree.listChanges().map((change) => ({ path: change.path, type: change.type, content: change.content?.toString('utf8') }));
}

/** Changes made after `before` was taken: `[]` when a run wrote nothing. */
export function changesSince(tree: Tree, before: ReturnType<typeof changesOf>): ReturnType<typeof changesOf> {
  const earlier = new Map(before.map((change) => [change.path, JSON.stringify(change)]));
  const now = changesOf(tree);
  const removed = before
    .filter((change) => !now.some((current) => current.path === change.path))
    .map((change) => ({ ...change, type: 'REVERTED' }));
  return [...now.filter((change) => earlier.get(change.path) !== JSON.stringify(change)), ...removed];
}

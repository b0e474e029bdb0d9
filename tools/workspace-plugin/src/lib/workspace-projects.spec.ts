import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import { describe, expect, it } from 'vitest';
import { readWorkspaceProjects } from './workspace-projects.js';

describe('readWorkspaceProjects', () => {
  it('finds the projects pnpm-workspace.yaml declares, as the boundary engine and Nx do, not a fixed list of folders', () => {
    const tree = createTreeWithEmptyWorkspace();
    tree.write('pnpm-workspace.yaml', 'packages:\n  - packages/*\n  - apps/**\n  - "!apps/legacy"\n');
    tree.write('packages/core/package.json', JSON.stringify({ name: '@alphaswarm/core', nx: { tags: ['domain:core', 'type:contract'] } }));
    tree.write('apps/web/ui/package.json', JSON.stringify({ name: '@alphaswarm/ui', nx: { name: 'ui', tags: ['domain:client'] } }));
    tree.write('apps/legacy/package.json', JSON.stringify({ name: '@alphaswarm/legacy' }));
    tree.write('tools/stray/package.json', JSON.stringify({ name: '@alphaswarm/stray' }));
    tree.write('packages/core/node_modules/dep/package.json', JSON.stringify({ name: 'dep' }));
    expect(readWorkspaceProjects(tree).map(({ name, root, packageName, tags }) => ({ name, root, packageName, tags }))).toEqual([
      { name: 'ui', root: 'apps/web/ui', packageName: '@alphaswarm/ui', tags: ['domain:client'] },
      { name: '@alphaswarm/core', root: 'packages/core', packageName: '@alphaswarm/core', tags: ['domain:core', 'type:contract'] },
    ]);
  });
});

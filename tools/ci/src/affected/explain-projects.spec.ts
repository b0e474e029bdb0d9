import { describe, expect, it } from 'vitest';
import type { TaskGraph } from '../nx/task-graph.js';
import type { ChangedFile } from './changed-files.js';
import { describeReason, explainProject, ownerOf, type ProjectFacts } from './explain-projects.js';

const facts: ProjectFacts = {
  roots: new Map([
    ['core', 'packages/core'],
    ['controller', 'packages/controller'],
    ['client', 'packages/client'],
    ['monolith', 'packages/monolith'],
    ['monolith-primitives', 'packages/monolith-primitives'],
  ]),
  dependencies: new Map([
    ['controller', ['core']],
    ['client', ['core', 'controller']],
    ['monolith', ['monolith-primitives']],
    ['monolith-primitives', ['core']],
  ]),
  rootInputs: new Map([['controller', ['packages/**/*.ts']]]),
};
const graph: TaskGraph = {
  tasks: ['client:lint'],
  dependencies: {},
  plans: {
    'client:lint': [
      'client:packages/client/**/*',
      'workspace:[{workspaceRoot}/eslint.config.mjs,{workspaceRoot}/nx.json]',
      'AllExternalDependencies',
    ],
  },
};
const modified = (...files: string[]): ChangedFile[] => files.map((file) => ({ file, change: 'modified' }));

describe('ownerOf', () => {
  it.each([
    ['packages/monolith-primitives/src/a.ts', 'monolith-primitives'],
    ['packages/monolith/src/a.ts', 'monolith'],
    ['packages/core/README.md', 'core'],
    ['README.md', undefined],
    ['packages/corex/a.ts', undefined],
  ])('%s -> %s', (file, owner) => {
    expect(ownerOf(file, facts.roots)).toBe(owner);
  });
});

describe('explainProject', () => {
  it.each([
    ['a file of its own', 'client', ['packages/client/src/a.ts'], [{ kind: 'changed', files: ['packages/client/src/a.ts'] }]],
    [
      'the shortest dependency path to a changed project',
      'client',
      ['packages/core/src/a.ts'],
      [{ kind: 'dependency', path: ['client', 'core'], files: ['packages/core/src/a.ts'] }],
    ],
    [
      'a path through a project that did not change',
      'monolith',
      ['packages/core/src/a.ts'],
      [{ kind: 'dependency', path: ['monolith', 'monolith-primitives', 'core'], files: ['packages/core/src/a.ts'] }],
    ],
    ['a root file its tasks read', 'client', ['eslint.config.mjs'], [{ kind: 'root-input', files: ['eslint.config.mjs'] }]],
    ['the lockfile', 'client', ['pnpm-lock.yaml'], [{ kind: 'external', files: ['pnpm-lock.yaml'] }]],
    [
      'a root glob one of its targets declares',
      'controller',
      ['packages/client/src/a.ts'],
      [{ kind: 'root-input', files: ['packages/client/src/a.ts'] }],
    ],
    [
      'nothing it can name',
      'controller',
      ['docs/x.md'],
      [{ kind: 'nx', detail: 'Nx counts it as affected; no changed file, root input or dependency path found here explains it' }],
    ],
  ])('%s', (_name, project, files, reasons) => {
    expect(explainProject(project, modified(...files), facts, graph)).toEqual(reasons);
  });

  it('says every reason, for people', () => {
    const reasons = explainProject('client', modified('packages/client/a.ts', 'packages/controller/b.ts', 'nx.json'), facts, graph);
    expect(reasons.map(describeReason)).toEqual([
      'changed in it: packages/client/a.ts',
      'root files its tasks read changed: nx.json',
      'depends on controller (client → controller), changed: packages/controller/b.ts',
    ]);
  });
});

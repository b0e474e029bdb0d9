import { describe, expect, it } from 'vitest';
import type { TaskGraph } from '../nx/task-graph.js';
import type { ChangedFile } from './changed-files.js';
import { changedFilesOf, parsePlanEntry } from './plan-entries.js';
import { prerequisitesOf, selectTasks } from './select-tasks.js';

const roots = new Map([
  ['core', 'packages/core'],
  ['controller', 'packages/controller'],
  ['snippets', 'packages/snippets'],
]);
const production = (root: string) =>
  `${root}/**/*,!${root}/**/*.spec.ts,!${root}/**/*.test.ts,!${root}/README.md,!${root}/AGENTS.md,!${root}/api/**`;
const workspace = 'workspace:[{workspaceRoot}/nx.json,{workspaceRoot}/.gitignore]';
const shared = 'workspace:[{workspaceRoot}/tsconfig.base.json,{workspaceRoot}/pnpm-workspace.yaml]';

/** The shapes Nx 23 writes into `--graph=<file>.json` (taken from a real run of this workspace). */
const graph: TaskGraph = {
  tasks: ['controller:build', 'controller:lint', 'controller:test', 'core:build', 'snippets:build', 'snippets:lint'],
  dependencies: {
    'controller:build': ['core:build'],
    'controller:lint': [],
    'controller:test': ['core:build'],
    'core:build': [],
    'snippets:build': ['core:build'],
    'snippets:lint': [],
  },
  plans: {
    'controller:build': [
      'AllExternalDependencies',
      `controller:${production('packages/controller')}`,
      `core:${production('packages/core')}`,
      workspace,
      shared,
      'env:NX_CLOUD_ENCRYPTION_KEY',
    ],
    'controller:lint': ['AllExternalDependencies', 'controller:packages/controller/**/*', `core:${production('packages/core')}`, workspace],
    'controller:test': ['AllExternalDependencies', 'controller:packages/controller/**/*', `core:${production('packages/core')}`, workspace],
    'core:build': ['AllExternalDependencies', `core:${production('packages/core')}`, workspace, shared],
    'snippets:build': ['npm:zod', `snippets:${production('packages/snippets')}`, `core:${production('packages/core')}`, workspace, shared],
    'snippets:lint': ['snippets:packages/snippets/**/*', 'workspace:[{workspaceRoot}/eslint.config.mjs]', workspace],
  },
};

const modified = (...files: string[]): ChangedFile[] => files.map((file) => ({ file, change: 'modified' }));
const chosen = (files: ChangedFile[], requested = graph.tasks) =>
  selectTasks(requested, graph, files, roots)
    .filter((task) => task.chosen)
    .map((task) => task.id);

describe('parsePlanEntry', () => {
  it.each([
    ['AllExternalDependencies', { kind: 'external' }],
    ['npm:zod', { kind: 'external' }],
    ['env:NX_CLOUD_ENCRYPTION_KEY', { kind: 'not-a-file', entry: 'env:NX_CLOUD_ENCRYPTION_KEY' }],
    ['runtime:node --version', { kind: 'not-a-file', entry: 'runtime:node --version' }],
    [workspace, { kind: 'workspace', files: ['nx.json', '.gitignore'] }],
    ['controller:ProjectConfiguration', { kind: 'project-configuration', project: 'controller' }],
    ['controller:TsConfig', { kind: 'tsconfig', project: 'controller' }],
    [
      'core:packages/core/**/*.{ts,js},!packages/core/**/*.spec.ts',
      { kind: 'files', project: 'core', include: ['packages/core/**/*.{ts,js}'], exclude: ['packages/core/**/*.spec.ts'] },
    ],
    ['workspace-plugin:dist/x', { kind: 'unknown', entry: 'workspace-plugin:dist/x' }],
    ['something new', { kind: 'unknown', entry: 'something new' }],
  ])('%s', (entry, parsed) => {
    expect(parsePlanEntry(entry, roots)).toEqual(parsed);
  });

  it('keeps braces with commas inside one glob and matches through them', () => {
    const entry = parsePlanEntry('core:packages/core/**/*.{ts,mts},!packages/core/**/*.spec.ts', roots);
    expect(
      changedFilesOf(entry, modified('packages/core/src/a.mts', 'packages/core/src/a.spec.ts', 'packages/core/README.md'), roots),
    ).toEqual(['packages/core/src/a.mts']);
  });
});

describe('selectTasks', () => {
  it.each([
    ['a controller source file', ['packages/controller/src/server/x.ts'], ['controller:build', 'controller:lint', 'controller:test']],
    ['a controller spec', ['packages/controller/src/x.spec.ts'], ['controller:lint', 'controller:test']],
    ["snippets' README", ['packages/snippets/README.md'], ['snippets:lint']],
    [
      'a core source file',
      ['packages/core/src/ids.ts'],
      ['controller:build', 'controller:lint', 'controller:test', 'core:build', 'snippets:build'],
    ],
    ["a core spec (no dependant's input)", ['packages/core/src/ids.spec.ts'], []],
    ['nx.json', ['nx.json'], graph.tasks],
    ['the lockfile', ['pnpm-lock.yaml'], ['controller:build', 'controller:lint', 'controller:test', 'core:build', 'snippets:build']],
    ['eslint.config.mjs', ['eslint.config.mjs'], ['snippets:lint']],
    ['tsconfig.base.json', ['tsconfig.base.json'], ['controller:build', 'core:build', 'snippets:build']],
    ['a root README', ['README.md'], []],
  ])('%s', (_name, files, expected) => {
    expect(chosen(modified(...files))).toEqual(expected);
  });

  it('counts a deleted file like a modified one (plans hold patterns, not the files on disk)', () => {
    expect(chosen([{ file: 'packages/controller/src/gone.ts', change: 'deleted' }], ['controller:build'])).toEqual(['controller:build']);
  });

  it('runs a task whose plan has an entry it cannot read, and says so', () => {
    const odd: TaskGraph = { ...graph, plans: { ...graph.plans, 'controller:lint': ['brand-new-kind:x'] } };
    expect(selectTasks(['controller:lint'], odd, modified('README.md'), roots)).toEqual([
      {
        id: 'controller:lint',
        chosen: true,
        inputs: [],
        inputCount: 0,
        reason: 'its hash plan has an input this tool cannot read (brand-new-kind:x), so it runs',
      },
    ]);
  });

  it('runs a task Nx gave no plan for', () => {
    expect(selectTasks(['controller:e2e'], graph, modified('README.md'), roots)[0]?.chosen).toBe(true);
  });

  it('names the changed inputs, at most five, and counts the rest', () => {
    const files = modified(...Array.from({ length: 7 }, (_, index) => `packages/controller/src/f${index}.ts`));
    const [choice] = selectTasks(['controller:build'], graph, files, roots);
    expect(choice).toEqual({
      id: 'controller:build',
      chosen: true,
      inputs: files.slice(0, 5).map((change) => change.file),
      inputCount: 7,
      reason: `its inputs changed: ${files
        .slice(0, 5)
        .map((change) => change.file)
        .join(', ')} and 2 more`,
    });
  });

  it('says why a task of an affected project is skipped', () => {
    expect(selectTasks(['snippets:build'], graph, modified('packages/snippets/README.md'), roots)).toEqual([
      {
        id: 'snippets:build',
        chosen: false,
        inputs: [],
        inputCount: 0,
        reason: 'none of its inputs changed (snippets is affected, this task is not)',
      },
    ]);
  });
});

describe('prerequisitesOf', () => {
  it('is the transitive dependencies of the chosen tasks that were not chosen', () => {
    expect(prerequisitesOf(['controller:test', 'controller:build'], graph)).toEqual(['core:build']);
    expect(prerequisitesOf(['core:build'], graph)).toEqual([]);
  });
});

import { createProjectGraphAsync } from '@nx/devkit';
import { readFileMapCache } from 'nx/src/project-graph/nx-deps-cache.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { SplitGateError } from '../split-gate-error.js';
import { parseFileDependency, readFileDependencies } from './read-file-dependencies.js';

describe('parseFileDependency', () => {
  it.each([
    ['core', { target: 'core', type: 'static' }],
    [['rl', 'dynamic'], { target: 'rl', type: 'dynamic' }],
    [['monolith', 'models', 'static'], { target: 'models', type: 'static' }],
  ])('reads %j', (raw, expected) => {
    expect(parseFileDependency(raw, 'a.ts')).toEqual(expected);
  });

  it.each([[['rl', 'weird']], [[1, 2]], [{ target: 'rl' }], [['a', 'b', 'c', 'static']]])(
    'refuses %j, naming the module to update',
    (raw) => {
      expect(() => parseFileDependency(raw, 'a.ts')).toThrow(
        /ASW-201 .*a\.ts.*update tools\/split-gate\/src\/lib\/nx\/read-file-dependencies\.ts/,
      );
    },
  );
});

// These run against the installed Nx: when a new Nx moves or reshapes its internal file map
// cache, they fail here, before the boundary checker silently sees no dependencies.
describe('the installed Nx file map cache', () => {
  let projects: string[] = [];
  beforeAll(async () => {
    projects = Object.keys((await createProjectGraphAsync({ exitOnError: false })).nodes);
  }, 120_000);

  it('still has the shape the wrapper reads', () => {
    const cache = readFileMapCache() as unknown as {
      fileMap: { projectFileMap: Record<string, { file: unknown; hash: unknown; deps?: unknown }[]> };
    };
    const entries = Object.values(cache.fileMap.projectFileMap).flat();
    expect(entries.length).toBeGreaterThan(50);
    expect(
      entries.every(
        (entry) =>
          typeof entry.file === 'string' && typeof entry.hash === 'string' && (entry.deps === undefined || Array.isArray(entry.deps)),
      ),
    ).toBe(true);
  });

  it('records the per-file edges the checker relies on', () => {
    const files = readFileDependencies(projects);
    const find = (path: string) => files.find((entry) => entry.file === path);
    expect(find('packages/monolith/src/rl/index.ts')).toEqual({
      file: 'packages/monolith/src/rl/index.ts',
      project: 'monolith',
      deps: expect.arrayContaining([{ target: 'rl', type: 'static' }]),
    });
    expect(find('packages/rl/package.json')?.deps).toEqual(
      expect.arrayContaining([
        { target: 'core', type: 'static' },
        { target: 'monolith-primitives', type: 'static' },
      ]),
    );
  });

  it('refuses a cache that does not list the graph’s projects', () => {
    expect(() => readFileDependencies([...projects, 'not-a-project'])).toThrow(SplitGateError);
    expect(() => readFileDependencies([...projects, 'not-a-project'])).toThrow(/ASW-203 the Nx file map cache is stale/);
  });
});

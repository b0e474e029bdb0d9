import { describe, expect, it } from 'vitest';
import type { WorkspaceGraph, WorkspaceProject } from '../workspace-graph.js';
import { deepTooling } from './deep-tooling.js';

const project = (name: string, targets: Record<string, readonly string[]>, root = `tools/${name}`): WorkspaceProject => ({
  name,
  root,
  tags: name === 'monolith' ? ['domain:monolith'] : [],
  packageName: `@alphaswarm/${name}`,
  targets: Object.fromEntries(Object.entries(targets).map(([target, dependsOnProjects]) => [target, { outputs: [], dependsOnProjects }])),
});

const graph: WorkspaceGraph = {
  projects: [
    project('core', { build: [], 'api-report': ['api-report'], gate: ['split-gate'] }, 'packages/core'),
    project('controller', { build: [], gate: ['split-gate'] }, 'packages/controller'),
    project('monolith', { build: [] }, 'packages/monolith'),
    project('api-report', { build: [] }),
    project('split-gate', { build: [] }),
    project('policy', { build: [] }),
    project('lint-rules', { build: [] }),
  ],
  edges: [
    { source: 'split-gate', target: 'policy', type: 'static' },
    { source: 'api-report', target: 'lint-rules', type: 'static' },
    { source: 'api-report', target: 'monolith', type: 'static' },
  ],
  externalPackages: {},
};
const isMonolith = (name: string): boolean => name === 'monolith';

describe('deepTooling', () => {
  it.each([
    ['a target’s tooling with its closure, the monolith left out', ['core'], ['api-report', 'lint-rules']],
    ['only the gate target names tooling: nothing', ['controller'], []],
    ['tooling that is itself code of the domain is not tooling', ['core', 'api-report'], []],
  ])('%s', (_case, code, expected) => {
    expect(deepTooling(graph, code, isMonolith)).toEqual(expected);
  });
});

import { describe, expect, it } from 'vitest';
import { syntheticProjects } from '../testing/synthetic-graph.js';
import type { ProjectEdge, TargetDependency, WorkspaceGraph, WorkspaceProject } from '../workspace-graph.js';
import { taskClosure } from './task-closure.js';

const target = (...dependsOn: TargetDependency[]) => ({ outputs: [], dependsOnProjects: [], dependsOn });
const project = (name: string, targets: WorkspaceProject['targets']): WorkspaceProject => ({
  ...(syntheticProjects.find((candidate) => candidate.name === name) as WorkspaceProject),
  targets,
});
const build = target({ target: 'build', projects: 'dependencies' });
const graph = (edges: [string, string, ProjectEdge['type']][], projects: WorkspaceProject[]): WorkspaceGraph => ({
  projects,
  edges: edges.map(([source, targetName, type]) => ({ source, target: targetName, type })),
  files: [],
  externalPackages: {},
});

describe('taskClosure', () => {
  const projects = [
    project('core', { build, test: target({ target: 'build', projects: 'dependencies' }) }),
    project('controller', { build }),
    project('client', {
      build,
      test: target({ target: 'build', projects: 'dependencies' }),
      integration: target({ target: 'build', projects: 'self' }, { target: 'build', projects: ['controller'] }),
    }),
    project('deployment', { lint: target() }),
  ];

  it('follows ^target through every dependency, implicit edges included, as Nx does', () => {
    const closure = taskClosure(
      graph(
        [
          ['client', 'core', 'static'],
          ['client', 'controller', 'implicit'],
          ['controller', 'core', 'static'],
        ],
        projects,
      ),
      [{ project: 'client', target: 'test' }],
    );
    expect([closure.tasks, closure.pathTo('core:build')]).toEqual([
      ['client:test', 'controller:build', 'core:build'],
      ['client:test', 'core:build'],
    ]);
  });

  it('reaches named projects, and only from the targets that name them', () => {
    const edges: [string, string, ProjectEdge['type']][] = [['client', 'core', 'static']];
    expect([
      taskClosure(graph(edges, projects), [{ project: 'client', target: 'test' }]).tasks,
      taskClosure(graph(edges, projects), [{ project: 'client', target: 'integration' }]).tasks,
    ]).toEqual([
      ['client:test', 'core:build'],
      ['client:build', 'client:integration', 'controller:build', 'core:build'],
    ]);
  });

  it('passes through a dependency that lacks the target to its dependencies', () => {
    const closure = taskClosure(
      graph(
        [
          ['client', 'deployment', 'static'],
          ['deployment', 'core', 'static'],
        ],
        projects,
      ),
      [{ project: 'client', target: 'build' }],
    );
    expect(closure.tasks).toEqual(['client:build', 'core:build']);
  });

  it('leaves out tasks whose target does not exist', () => {
    expect(taskClosure(graph([], projects), [{ project: 'deployment', target: 'test' }]).tasks).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { syntheticGraph, syntheticProjects } from '../testing/synthetic-graph.js';
import type { ProjectEdge, WorkspaceGraph } from '../workspace-graph.js';
import { checkIsolation } from './check-isolation.js';
import { staticClosure } from './static-closure.js';
import { validationCommands } from './validation-commands.js';

/** The workspace's project edges as they stand (static), plus deployment's implicit ones. */
const edges: ProjectEdge[] = [
  ['controller', 'core'],
  ['client', 'core'],
  ['snippets', 'core'],
  ['deployment', 'core'],
  ['bots', 'core'],
  ['bots', 'monolith'],
  ['bots', 'monolith-primitives'],
  ['rl', 'core'],
  ['rl', 'monolith-primitives'],
  ['models', 'core'],
  ['models', 'monolith-primitives'],
  ['monolith', 'core'],
  ['monolith', 'monolith-primitives'],
  ['monolith', 'rl'],
  ['monolith', 'models'],
  ['monolith-primitives', 'core'],
].map(([source = '', target = '']) => ({ source, target, type: 'static' as const }));
const implicit: ProjectEdge[] = [
  { source: 'deployment', target: 'controller', type: 'implicit' },
  { source: 'deployment', target: 'monolith', type: 'implicit' },
];
/** The synthetic projects with the targets the check follows; client's integration target builds the controller. */
const graph: WorkspaceGraph = {
  ...syntheticGraph([...edges, ...implicit]),
  projects: syntheticProjects.map((project) => ({
    ...project,
    targets: {
      ...project.targets,
      lint: { outputs: [], dependsOnProjects: [], dependsOn: [] },
      integration: { outputs: [], dependsOnProjects: ['controller'], dependsOn: [{ target: 'build', projects: ['controller'] }] },
    },
  })),
};

describe('staticClosure', () => {
  it('follows static edges transitively and records the path', () => {
    const closure = staticClosure(graph, ['bots']);
    expect(closure.projects).toEqual(['bots', 'core', 'models', 'monolith', 'monolith-primitives', 'rl']);
    expect(closure.pathTo('rl')).toEqual(['bots', 'monolith', 'rl']);
  });

  it('lists implicit edges without following them', () => {
    const closure = staticClosure(graph, ['deployment']);
    expect([closure.projects, closure.implicit]).toEqual([['core', 'deployment'], implicit]);
  });
});

describe('checkIsolation', () => {
  const commands = (domain: string) => validationCommands([`pnpm nx run-many -t lint build -p ${domain}`]);
  it.each([
    [
      'core',
      true,
      'static closure core has no domain:monolith project; its validation tasks and the tasks they need (2 in all) stay inside it',
    ],
    [
      'controller',
      true,
      'static closure controller, core has no domain:monolith project; its validation tasks and the tasks they need (3 in all) stay inside it',
    ],
    [
      'rl',
      false,
      'the static closure of rl needs monolith-primitives (rl → monolith-primitives): its CI cannot run without the monolith checkout until what it uses there moves to core or an extracted domain',
    ],
    [
      'deployment',
      false,
      'deployment:build needs controller:build (deployment:build → controller:build), outside the static closure core, deployment: a test that needs another project is an integration test',
    ],
  ])('%s', (domain, ok, detail) => {
    const result = checkIsolation(domain, [domain], graph, commands(domain));
    expect([result.ok, result.detail]).toEqual([ok, expect.stringContaining(detail)]);
  });

  it('names every monolith project of bots with its path', () => {
    expect(checkIsolation('bots', ['bots'], graph, commands('bots')).detail).toContain(
      'the static closure of bots needs monolith (bots → monolith), monolith-primitives (bots → monolith-primitives)',
    );
  });

  it('fails a validation task that needs another project, as an integration test not declared as one would', () => {
    const result = checkIsolation(
      'client',
      ['client'],
      graph,
      validationCommands(['pnpm nx run client:build', 'pnpm nx run client:integration']),
    );
    expect([result.ok, result.detail]).toEqual([
      false,
      expect.stringContaining(
        'client:integration needs controller:build (client:integration → controller:build), outside the static closure client, core: a test that needs another project is an integration test — move it into its own target, declare it in integrationTests of tools/policy/policy.json and keep it out of the validation commands',
      ),
    ]);
  });

  it('names what the domain’s files take from the monolith projects they import directly', () => {
    const uses = new Map([
      [
        'bots',
        new Map([
          ['monolith-primitives', ['RequestContext', 'progress']],
          ['monolith', ['resolve']],
          ['core', ['ROLES']],
        ]),
      ],
    ]);
    expect(checkIsolation('bots', ['bots'], graph, commands('bots'), uses).detail).toBe(
      'the static closure of bots needs monolith (bots → monolith), monolith-primitives (bots → monolith-primitives): its CI cannot run without the monolith checkout until what it uses there moves to core or an extracted domain; bots uses from monolith: resolve; from monolith-primitives: progress, RequestContext',
    );
    expect(checkIsolation('rl', ['rl'], graph, commands('rl'), uses).detail).not.toContain(' uses from ');
  });

  it('says when the domain is itself part of the monolith', () => {
    expect(checkIsolation('monolith-primitives', ['monolith-primitives'], graph, []).detail).toBe(
      'monolith-primitives is itself tagged domain:monolith: part of the monolith checkout, which stays; to split it, extract it into its own domain first',
    );
  });
});

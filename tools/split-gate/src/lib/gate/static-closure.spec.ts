import { describe, expect, it } from 'vitest';
import { syntheticGraph } from '../testing/synthetic-graph.js';
import type { ProjectEdge } from '../workspace-graph.js';
import { checkIsolation } from './check-isolation.js';
import { staticClosure } from './static-closure.js';

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
const graph = syntheticGraph([...edges, ...implicit]);

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
  it.each([
    ['core', true, 'static closure core has no domain:monolith project'],
    ['controller', true, 'static closure controller, core has no domain:monolith project'],
    [
      'rl',
      false,
      'the static closure of rl needs monolith-primitives (rl → monolith-primitives): its CI cannot run without the monolith checkout until what it uses there moves to core or an extracted domain',
    ],
    [
      'bots',
      false,
      'the static closure of bots needs monolith (bots → monolith), monolith-primitives (bots → monolith-primitives): its CI cannot run without the monolith checkout until what it uses there moves to core or an extracted domain',
    ],
    [
      'deployment',
      true,
      'static closure core, deployment has no domain:monolith project; implicit edges, not counted: deployment → controller, deployment → monolith',
    ],
  ])('%s', (domain, ok, detail) => {
    expect(checkIsolation(domain, [domain], graph)).toEqual({ id: 'isolation', ok, detail });
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
    expect(checkIsolation('bots', ['bots'], graph, uses).detail).toBe(
      'the static closure of bots needs monolith (bots → monolith), monolith-primitives (bots → monolith-primitives): its CI cannot run without the monolith checkout until what it uses there moves to core or an extracted domain; bots uses from monolith: resolve; from monolith-primitives: progress, RequestContext',
    );
    expect(checkIsolation('rl', ['rl'], graph, uses).detail).not.toContain(' uses from ');
  });

  it('says when the domain is itself part of the monolith', () => {
    expect(checkIsolation('monolith-primitives', ['monolith-primitives'], graph).detail).toBe(
      'monolith-primitives is itself tagged domain:monolith: part of the monolith checkout, which stays; to split it, extract it into its own domain first',
    );
  });
});

import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadPolicy } from '@alphaswarm/policy';
import { syntheticGraph } from '../testing/synthetic-graph.js';
import type { ProjectEdge } from '../workspace-graph.js';
import { judgeInOrder } from './criterion-prerequisites.js';
import { candidateDomains, deepVerdict, gateDomains, stayingProjects } from './evaluate-gate.js';
import { criterionIds, type CriterionId, type DomainVerdict, type GateCriterion } from './gate-report.js';
import { migrationSteps, seedMigrationOrder } from './migration-steps.js';

const root = join(import.meta.dirname, '../../../../..');
const policy = loadPolicy(root);
const edges: ProjectEdge[] = [
  ['controller', 'core'],
  ['bots', 'monolith'],
  ['bots', 'monolith-primitives'],
  ['rl', 'monolith-primitives'],
  ['models', 'monolith-primitives'],
  ['monolith', 'monolith-primitives'],
].map(([source = '', target = '']) => ({ source, target, type: 'static' as const }));
const graph = syntheticGraph(edges);

describe('judgeInOrder: one cause, one failure', () => {
  const verdicts = (failing: readonly CriterionId[]): GateCriterion[] =>
    judgeInOrder(
      Object.fromEntries(criterionIds.map((id) => [id, () => ({ id, ok: !failing.includes(id), detail: id })])) as Record<
        CriterionId,
        () => GateCriterion
      >,
      criterionIds,
    );
  const summary = (failing: readonly CriterionId[]) =>
    verdicts(failing).map((criterion) => [criterion.id, criterion.ok, 'blockedBy' in criterion ? criterion.blockedBy : undefined]);

  it.each<[string, CriterionId[], [CriterionId, boolean | null, CriterionId | undefined][]]>([
    ['nothing', [], criterionIds.map((id) => [id, true, undefined])],
    [
      'docs: isolation waits for it',
      ['docs'],
      [
        ['docs', false, undefined],
        ['packaging', true, undefined],
        ['boundaries', true, undefined],
        ['contracts', true, undefined],
        ['isolation', null, 'docs'],
      ],
    ],
    [
      'packaging: contracts wait for it',
      ['packaging'],
      [
        ['docs', true, undefined],
        ['packaging', false, undefined],
        ['boundaries', true, undefined],
        ['contracts', null, 'packaging'],
        ['isolation', true, undefined],
      ],
    ],
    [
      'boundaries: packaging, contracts and isolation wait for it',
      ['boundaries', 'packaging', 'contracts', 'isolation'],
      [
        ['docs', true, undefined],
        ['packaging', null, 'boundaries'],
        ['boundaries', false, undefined],
        ['contracts', null, 'boundaries'],
        ['isolation', null, 'boundaries'],
      ],
    ],
  ])('%s', (_name, failing, expected) => {
    expect(summary(failing)).toEqual(expected);
  });

  it('says what a blocked criterion needs, for people', () => {
    expect(verdicts(['packaging']).find((criterion) => criterion.id === 'contracts')?.detail).toBe(
      'not checked (needs packaging): fix packaging first',
    );
  });
});

describe('candidates and what stays', () => {
  it('leaves the monolith and the tooling out of the candidates', () => {
    expect(candidateDomains(policy)).toEqual(['core', 'controller', 'client', 'snippets', 'bots', 'rl', 'models', 'deployment']);
  });

  it('says the monolith stays when it is named', () => {
    expect(() => gateDomains(policy, ['monolith'])).toThrow(
      'ASW-1206 "monolith" is not a split-candidate domain of tools/policy/policy.json (monolith is the monolith, which stays)',
    );
  });

  it('lists the monolith’s projects with the domains that still need them', () => {
    expect(stayingProjects(policy, graph)).toEqual([
      { project: 'monolith', domain: 'monolith', blocks: [{ domain: 'bots', path: ['bots', 'monolith'] }] },
      {
        project: 'monolith-primitives',
        domain: 'monolith-primitives',
        blocks: [
          { domain: 'bots', path: ['bots', 'monolith-primitives'] },
          { domain: 'rl', path: ['rl', 'monolith-primitives'] },
          { domain: 'models', path: ['models', 'monolith-primitives'] },
        ],
      },
    ]);
  });
});

describe('deepVerdict', () => {
  const record = {
    version: 1 as const,
    domain: 'core',
    fingerprint: 'f',
    ok: true,
    summary: 'core builds and validates alone',
    assembled: ['core'],
    monolithNeeded: [],
    steps: [],
  };
  it.each([
    [
      'missing',
      undefined,
      {
        status: 'missing',
        ok: undefined,
        detail: 'not computed on this machine: run `pnpm gate --deep core` (or `pnpm gate --deep` for every domain)',
      },
    ],
    [
      'stale',
      { record, fresh: false },
      {
        status: 'stale',
        ok: undefined,
        detail: 'computed for other files than the workspace has now (it said: passes): run `pnpm gate --deep core`',
      },
    ],
    ['fresh', { record, fresh: true }, { status: 'fresh', ok: true, detail: 'core builds and validates alone' }],
  ])('%s', (_name, facts, verdict) => {
    expect(deepVerdict('core', facts)).toEqual(verdict);
  });
});

describe('migrationSteps', () => {
  it('quotes the seed’s eight steps word for word', () => {
    const seed = readFileSync(join(root, 'docs/repository-split.md'), 'utf8').replace(/\s+/g, ' ');
    expect(seedMigrationOrder.filter((step) => !seed.includes(step))).toEqual([]);
    expect(seedMigrationOrder).toHaveLength(8);
  });

  it('computes each status from the verdicts, the extracted packages and their shims, and every deep proof', () => {
    const verdict = (domain: string, failing: CriterionId[] = [], deepOk = true): DomainVerdict => ({
      domain,
      ready: failing.length === 0 && deepOk,
      criteria: criterionIds.map((id) => ({ id, ok: !failing.includes(id), detail: `${id} of ${domain}` })),
      deep: { status: 'fresh', ok: deepOk, detail: 'x' },
    });
    const candidates = candidateDomains(policy);
    const verdicts = candidates.map((domain) =>
      ['bots', 'rl', 'models'].includes(domain) ? verdict(domain, ['isolation'], false) : verdict(domain),
    );
    const shimGraph = syntheticGraph(
      edges,
      {},
      policy.shims.map((shim) => ({ file: shim.file, project: 'monolith' })),
    );
    expect(migrationSteps(policy, shimGraph, verdicts, candidates).map((step) => [step.step, step.status])).toEqual([
      [1, 'done'],
      [2, 'done'],
      [3, 'done'],
      [4, 'done'],
      [5, 'blocked'],
      [6, 'done'],
      [7, 'done'],
      [8, 'blocked'],
    ]);
    expect(migrationSteps(policy, graph, verdicts, candidates)[5]).toMatchObject({
      status: 'pending',
      evidence: expect.stringContaining('missing shim files packages/monolith/src/rl/index.ts'),
    });
  });
});

import { join } from 'node:path';
import { checkSource, createBoundaryWorkspace, loadPolicy } from '@alphaswarm/policy';
import { describe, expect, it } from 'vitest';
import { plainText } from '../cli/paint.js';
import { syntheticGraph, syntheticProjects } from '../testing/synthetic-graph.js';
import { checkBoundariesCriterion } from './check-boundaries-criterion.js';
import { evaluateGate } from './evaluate-gate.js';
import { formatGate } from './format-gate.js';

const policy = loadPolicy(join(import.meta.dirname, '../../../../..'));
const stray = { name: 'stray', root: 'packages/stray', packageName: '@alphaswarm/stray', tags: [] };
const workspace = createBoundaryWorkspace(policy, [...syntheticProjects, stray]);
const received = checkSource(workspace, 'packages/stray/src/index.ts', "import '@alphaswarm/controller';\n").violations;
const unplaced = {
  ...(received[0] as (typeof received)[number]),
  file: 'packages/stray/package.json',
  target: 'stray',
  evidence: 'project' as const,
  message: 'stray → stray: stray (packages/stray) has no place in the policy: it carries no domain:* tag',
};

describe('projects the policy cannot place, in the gate', () => {
  it('fail the boundaries criterion of a domain they import', () => {
    expect(checkBoundariesCriterion(['controller'], received)).toMatchObject({
      ok: false,
      detail: expect.stringMatching(
        /^1 forbidden import: packages\/stray\/src\/index\.ts imports controller \(untagged-project, typed-contracts\): add one domain tag/,
      ),
    });
    expect(checkBoundariesCriterion(['core'], received).ok).toBe(true);
  });

  it('are named in the report, for people too', () => {
    const report = evaluateGate(
      policy,
      syntheticGraph(),
      { projects: new Map(), violations: [...received, unplaced], base: { error: 'no base in this test' }, deep: new Map() },
      [],
    );
    expect(report.unplaced).toEqual([{ project: 'stray', file: 'packages/stray/package.json', detail: unplaced.message }]);
    expect(formatGate(report, plainText).split('\n').slice(-3, -1)).toEqual([
      'Projects in no domain (no future repository; pnpm boundaries fails until each is tagged):',
      `  stray (packages/stray/package.json): ${unplaced.message}`,
    ]);
  });
});

import { join } from 'node:path';
import { checkSource, createBoundaryWorkspace, loadPolicy, type BoundaryViolation } from '@alphaswarm/policy';
import { describe, expect, it } from 'vitest';
import { plainText } from '../cli/paint.js';
import { syntheticGraph, syntheticProjects } from '../testing/synthetic-graph.js';
import type { WorkspaceGraph } from '../workspace-graph.js';
import type { BoundaryReport } from './check-boundaries.js';
import { checkBoundaries } from './check-boundaries.js';
import { compareProjects } from './compare-projects.js';
import { formatBoundaries } from './format-boundaries.js';

const policy = loadPolicy(join(import.meta.dirname, '../../../../..'));
const workspace = createBoundaryWorkspace(policy, syntheticProjects);

describe('compareProjects', () => {
  it('finds nothing when Nx and the engine see the same projects (Nx’s own tags aside)', () => {
    const graph: WorkspaceGraph = {
      ...syntheticGraph(),
      projects: syntheticProjects.map((project) => ({ ...project, tags: ['npm:public', ...[...project.tags].reverse()] })),
    };
    expect(compareProjects(workspace, graph)).toEqual([]);
  });

  it('names every project one side sees and the other does not, or sees differently', () => {
    const [core, controller, ...rest] = syntheticProjects;
    const graph: WorkspaceGraph = {
      ...syntheticGraph(),
      projects: [
        { ...(core as (typeof syntheticProjects)[number]), tags: ['domain:core'] },
        { ...(controller as (typeof syntheticProjects)[number]), name: 'control-plane' },
        ...rest,
        { name: 'hidden', root: 'apps/hidden', tags: [], packageName: undefined, targets: {} },
      ],
    };
    const engine = createBoundaryWorkspace(policy, [
      ...syntheticProjects,
      { name: 'extra', root: 'packages/extra', packageName: 'extra', tags: [] },
    ]);
    expect(compareProjects(engine, graph)).toEqual([
      'core is tagged [domain:core] for Nx but [domain:core type:contract] in its package.json/project.json',
      'packages/controller is project control-plane for Nx but controller for the engine',
      'Nx has project hidden at apps/hidden, which pnpm-workspace.yaml\'s "packages" globs do not reach',
      'packages/extra (extra) is a workspace package that Nx does not list as a project',
    ]);
    expect(() => checkBoundaries('/nowhere', engine, graph)).toThrow(/^ASW-1214 the boundary engine and Nx see different projects/);
  });
});

describe('formatBoundaries', () => {
  const violations: BoundaryViolation[] = [
    ...checkSource(workspace, 'packages/core/scripts/x.mjs', "import '@alphaswarm/controller';\n").violations,
    ...checkSource(workspace, 'packages/controller/src/a.ts', '\nexport const lazy = () => import(`@alphaswarm/snippets`);\n').violations,
  ];
  const report: BoundaryReport = {
    violations,
    summary: {
      projects: 10,
      files: 2,
      manifests: 10,
      violations: violations.length,
      exceptions: [
        { id: 'client-manage-api-integration', kind: 'integration-test', usedBy: ['packages/client/src/manage-api.integration.spec.ts'] },
      ],
    },
  };

  it('groups by importing project, locates each violation and prints the engine’s message', () => {
    expect(formatBoundaries(report, plainText).split('\n')).toEqual([
      '✗ 2 boundary violations (10 projects, 2 sources and 10 manifests read)',
      '',
      'controller: 1',
      '  packages/controller/src/a.ts:2:34  forbidden-import',
      `    ${violations[1]?.message}`,
      '',
      'core: 1',
      '  packages/core/scripts/x.mjs:1:8  forbidden-import',
      `    ${violations[0]?.message}`,
      '',
      'documented exceptions (tools/policy/policy.json):',
      '  client-manage-api-integration (integration-test): packages/client/src/manage-api.integration.spec.ts',
      '',
    ]);
  });

  it('says so when there is nothing to report', () => {
    expect(formatBoundaries({ ...report, violations: [], summary: { ...report.summary, violations: 0, exceptions: [] } }, plainText)).toBe(
      '✓ no boundary violations (10 projects, 2 sources and 10 manifests read)\n',
    );
  });
});

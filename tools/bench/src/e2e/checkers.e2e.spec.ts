import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadPolicy } from '@alphaswarm/policy';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allCheckers } from '../lib/checkers/all-checkers.js';
import { compareFindings } from '../lib/compare-findings.js';
import { generateWorkspace } from '../lib/generate-workspace.js';
import type { GroundTruth, InjectedViolation } from '../lib/ground-truth.js';
import { measureCommand } from '../lib/measure-command.js';
import { benchNodeModules, repositoryRoot } from '../lib/repository-paths.js';
import { writeWorkspace } from '../lib/write-workspace.js';

// Every checker of the bench on a small generated workspace, its findings against the ground
// truth: what each catches and misses is asserted per injected violation, never how long it took.
let folder: string;
let workspace: string;
let truth: GroundTruth;

beforeAll(() => {
  folder = mkdtempSync(join(tmpdir(), 'asw-bench-e2e-'));
  workspace = join(folder, 'workspace');
  const generated = generateWorkspace(loadPolicy(repositoryRoot), { projects: 24, filesPerProject: 6, seed: 3 });
  writeWorkspace(generated, workspace, repositoryRoot, benchNodeModules);
  truth = generated.groundTruth;
});
afterAll(() => {
  rmSync(folder, { recursive: true, force: true });
});

/** The source line an injected violation sits on. */
const lineOf = (violation: InjectedViolation): string =>
  readFileSync(join(workspace, violation.file), 'utf8').split('\n')[violation.line - 1] ?? '';

/** What each checker cannot see, per injected violation (the table's "cannot express" column, as a rule). */
const blind: Record<string, (violation: InjectedViolation, line: string) => boolean> = {
  'boundaries-cold': () => false,
  'boundaries-warm': () => false,
  'eslint-alphaswarm': (violation) => violation.evidence === 'manifest' || violation.kind === 'untagged-project',
  'eslint-nx': (violation, line) =>
    violation.evidence === 'manifest' ||
    violation.evidence === 'mock' ||
    line.includes('typeof import(') ||
    ['untagged-project', 'unused-exception', 'legacy-shim-path', 'unverifiable-import', 'banned-external'].includes(violation.kind),
  depcruise: (violation) =>
    violation.evidence === 'manifest' ||
    violation.evidence === 'mock' ||
    ['untagged-project', 'unused-exception', 'unverifiable-import'].includes(violation.kind),
  turbo: (violation) =>
    violation.evidence === 'mock' ||
    violation.evidence === 'dynamic-import' ||
    ['untagged-project', 'unused-exception', 'unverifiable-import'].includes(violation.kind),
};

describe.each(allCheckers().map((checker) => [checker.id, checker] as const))('%s on a small generated workspace', (id, checker) => {
  it('reports the injected violations it can express, and no other file', () => {
    checker.prepare?.(workspace);
    checker.beforeRun?.(workspace, 0);
    const run = measureCommand(checker.command(workspace));
    const comparison = compareFindings(truth, checker.findings(run, workspace));
    if (id === 'floor') {
      expect(JSON.parse(run.stdout)).toMatchObject({ files: truth.files, unlexable: 0 });
      expect(comparison.flagged).toBe(0);
      return;
    }
    const unseen = truth.violations.filter((violation) => (blind[id] as (typeof blind)[string])(violation, lineOf(violation)));
    const missedByKind: Record<string, number> = {};
    for (const violation of unseen) missedByKind[violation.kind] = (missedByKind[violation.kind] ?? 0) + 1;
    expect(comparison.falseFiles).toEqual([]);
    expect(comparison.missed).toEqual(missedByKind);
    expect(comparison.exact).toBe(id.startsWith('boundaries-'));
  });
});

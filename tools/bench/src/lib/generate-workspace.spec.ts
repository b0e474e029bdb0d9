import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkWorkspace, loadBoundaryWorkspace, loadPolicy, type ViolationKind } from '@alphaswarm/policy';
import { afterAll, describe, expect, it } from 'vitest';
import { generateWorkspace } from './generate-workspace.js';
import { repositoryRoot } from './repository-paths.js';
import { writeWorkspace } from './write-workspace.js';

const policy = loadPolicy(repositoryRoot);
const small = { projects: 24, filesPerProject: 6, seed: 7 };
const key = (violation: { file: string; line: number; column: number; kind: string; target: string }): string =>
  `${violation.file}:${violation.line}:${violation.column} ${violation.kind} → ${violation.target}`;
const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

describe('generateWorkspace', () => {
  it('writes the same bytes for the same seed, and other bytes for another seed', () => {
    const first = generateWorkspace(policy, small);
    const second = generateWorkspace(policy, small);
    expect([...second.files]).toEqual([...first.files]);
    expect(second.groundTruth).toEqual(first.groundTruth);
    const other = generateWorkspace(policy, { ...small, seed: 8 });
    expect([...other.files]).not.toEqual([...first.files]);
  });

  it('injects every kind of violation the engine knows, at most one per file', () => {
    const { groundTruth } = generateWorkspace(policy, small);
    const kinds: ViolationKind[] = [
      'banned-external',
      'forbidden-import',
      'forbidden-type',
      'legacy-shim-path',
      'relative-import',
      'untagged-project',
      'unused-exception',
      'unverifiable-import',
    ];
    expect([...new Set(groundTruth.violations.map((violation) => violation.kind))].sort()).toEqual(kinds);
    expect(new Set(groundTruth.violations.map((violation) => violation.file)).size).toBe(groundTruth.violations.length);
    expect(groundTruth.violations.filter((violation) => violation.evidence === 'manifest').map((violation) => violation.kind)).toEqual([
      'forbidden-import',
    ]);
    expect(groundTruth.projects).toBe(25);
    expect(groundTruth.files).toBe(24 * 6 + 2 + 4);
  });

  it('adds ext-N domains through the policy when there are more than 25 projects a domain', () => {
    const { files } = generateWorkspace(policy, { projects: 300, filesPerProject: 4, seed: 1 });
    const generated = JSON.parse(files.get('tools/policy/policy.json') ?? '{}') as { domains: { name: string; mayImport: string[] }[] };
    expect(generated.domains.filter((domain) => domain.name.startsWith('ext-')).map((domain) => domain.name)).toEqual(['ext-0', 'ext-1']);
    expect(generated.domains.find((domain) => domain.name === 'ext-1')?.mayImport).toEqual(['core', 'monolith-primitives', 'ext-0']);
    expect(files.has('packages/ext-1-11/package.json')).toBe(true);
  });

  it('is judged by the engine exactly as its ground truth says, at a small size', () => {
    const out = mkdtempSync(join(tmpdir(), 'asw-bench-spec-'));
    folders.push(out);
    const workspace = generateWorkspace(policy, small);
    writeWorkspace(workspace, out, repositoryRoot);
    const check = checkWorkspace(out, loadBoundaryWorkspace(out));
    expect(check.violations.map(key)).toEqual(workspace.groundTruth.violations.map(key));
    expect(check.summary.files).toBe(workspace.groundTruth.files);
  });

  it.each([
    [{ projects: 19, filesPerProject: 6, seed: 1 }, 'ASW-1400 --projects 19'],
    [{ projects: 24, filesPerProject: 3, seed: 1 }, 'ASW-1400 --files-per-project 3'],
    [{ projects: 24, filesPerProject: 6, seed: 1.5 }, 'ASW-1400 --seed 1.5'],
  ])('refuses %j', (options, message) => {
    expect(() => generateWorkspace(policy, options)).toThrow(message);
  });

  it('refuses to write inside the repository', () => {
    expect(() => writeWorkspace(generateWorkspace(policy, small), join(repositoryRoot, 'tmp/bench'), repositoryRoot)).toThrow(
      'ASW-1401 --out',
    );
  });
});

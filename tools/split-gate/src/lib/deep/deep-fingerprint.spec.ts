import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { AssemblyPlan } from './assembly-plan.js';
import { deepFingerprint } from './deep-fingerprint.js';

const root = mkdtempSync(join(tmpdir(), 'asw-fingerprint-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const write = (file: string, text: string): void => {
  mkdirSync(join(root, file, '..'), { recursive: true });
  writeFileSync(join(root, file), text);
};
const plan = { domain: 'core', projectFiles: ['packages/core/src/index.ts', 'packages/core/README.md'] } as unknown as AssemblyPlan;

describe('deepFingerprint', () => {
  write('packages/core/src/index.ts', 'export const a = 1;\n');
  write('packages/core/README.md', '# core\n');
  write('pnpm-lock.yaml', "lockfileVersion: '9.0'\n");
  const first = deepFingerprint(root, plan);

  it('is the same while nothing the proof assembles changes', () => {
    write('packages/other/src/index.ts', 'export const unrelated = 1;\n');
    expect(deepFingerprint(root, plan)).toBe(first);
  });

  it.each([
    ['a source of the closure', 'packages/core/src/index.ts', 'export const a = 2;\n'],
    ['the docs the proof reads its commands from', 'packages/core/README.md', '# core, changed\n'],
    ['the lockfile', 'pnpm-lock.yaml', "lockfileVersion: '9.0'\n# changed\n"],
    ['a root configuration file', 'nx.json', '{}\n'],
  ])('changes with %s', (_name, file, text) => {
    write(file, text);
    expect(deepFingerprint(root, plan)).not.toBe(first);
  });
});

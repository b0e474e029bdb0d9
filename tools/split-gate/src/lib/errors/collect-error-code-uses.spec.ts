import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { WorkspaceProject } from '../workspace-graph.js';
import { collectErrorCodeUses } from './collect-error-code-uses.js';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function workspace(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'asw-error-codes-'));
  folders.push(root);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), text);
  }
  return root;
}

describe('collectErrorCodeUses', () => {
  it('reads code files of each project, gives a nested project its own files, and skips specs, docs and build output', () => {
    const root = workspace({
      'tools/outer/src/a.ts': "throw new E('ASW-1201', 'x');",
      'tools/outer/scripts/b.mjs': "fail('ASW-1202')",
      'tools/outer/src/a.spec.ts': "expect(x).toThrow('ASW-1299')",
      'tools/outer/README.md': 'ASW-1298',
      'tools/outer/dist/a.js': "'ASW-1297'",
      'tools/outer/inner/src/c.ts': "'ASW-1301'",
    });
    const project = (name: string, folder: string): WorkspaceProject => ({
      name,
      root: folder,
      tags: [],
      packageName: undefined,
      targets: {},
    });
    expect(collectErrorCodeUses(root, [project('outer', 'tools/outer'), project('inner', 'tools/outer/inner')])).toEqual([
      { file: 'tools/outer/inner/src/c.ts', project: 'inner', code: 'ASW-1301' },
      { file: 'tools/outer/scripts/b.mjs', project: 'outer', code: 'ASW-1202' },
      { file: 'tools/outer/src/a.ts', project: 'outer', code: 'ASW-1201' },
    ]);
  });
});

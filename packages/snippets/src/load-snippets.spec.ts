import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findSnippets, loadSnippetIndex, readSnippet, snippetsDir } from './load-snippets.js';

describe('read-only loaders', () => {
  const copies: string[] = [];
  const copy = () => {
    const dir = mkdtempSync(join(tmpdir(), 'snippets-'));
    cpSync(join(snippetsDir, 'provenance-index.json'), join(dir, 'provenance-index.json'));
    cpSync(join(snippetsDir, 'curated'), join(dir, 'curated'), { recursive: true });
    copies.push(dir);
    return dir;
  };
  afterEach(() => copies.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('reads a snippet with its provenance', () => {
    const { entry, content } = readSnippet('router-complete-fallback');
    expect(entry.source).toEqual({
      repository: '.',
      path: 'packages/monolith-primitives/src/lib/router-complete.ts',
      commit: 'ddf245bd8c26ed27476bc0ef7b23894b97ace08d',
      lines: [41, 58],
    });
    expect(content.split('\n')[4]).toBe(
      'export async function routerComplete(request: CompletionRequest, backends: readonly LlmBackend[]): Promise<Completion> {',
    );
  });

  it('finds snippets by the words of a question', () => {
    expect(findSnippets('fall back backends').map((entry) => entry.id)).toEqual(['router-complete-fallback']);
    expect(findSnippets('register component').map((entry) => entry.id)).toEqual(['central-registry-register']);
  });

  it('refuses an index whose files were tampered with, naming the entry', () => {
    const dir = copy();
    writeFileSync(join(dir, 'curated/target-weights-plan.ts.snippet'), 'tampered\n');
    expect(() => loadSnippetIndex(dir)).toThrow(
      'ASW-804 snippet "target-weights-plan": curated/target-weights-plan.ts.snippet does not match its sha256',
    );
  });

  it('refuses an unknown snippet id', () => {
    expect(() => readSnippet('nope', copy())).toThrow('ASW-805 no snippet "nope"');
  });
});

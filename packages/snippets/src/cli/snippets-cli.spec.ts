import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { snippetsDir } from '../load-snippets.js';
import { runSnippetsCli } from './snippets-cli.js';

const capture = () => {
  const out = { stdout: '', stderr: '' };
  return {
    out,
    io: { stdout: { write: (text: string) => (out.stdout += text) }, stderr: { write: (text: string) => (out.stderr += text) } },
  };
};

describe('snippets CLI', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'snippets-cli-'));
    cpSync(join(snippetsDir, 'provenance-index.json'), join(dir, 'provenance-index.json'));
    cpSync(join(snippetsDir, 'curated'), join(dir, 'curated'), { recursive: true });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('exits 0 on the curated snippets', () => {
    const { out, io } = capture();
    expect(runSnippetsCli(['validate', '--dir', dir], io)).toBe(0);
    expect(out.stdout).toBe('snippets: 4 snippet(s) with valid provenance, licence and sha256\n');
  });

  it('exits 1 naming the entry whose provenance is missing', () => {
    const index = JSON.parse(readFileSync(join(dir, 'provenance-index.json'), 'utf8'));
    delete index.snippets[2].source;
    writeFileSync(join(dir, 'provenance-index.json'), JSON.stringify(index));
    const { out, io } = capture();
    expect(runSnippetsCli(['validate', '--dir', dir, '--json'], io)).toBe(1);
    expect(JSON.parse(out.stdout).violations).toEqual([
      {
        entry: 'router-complete-fallback',
        code: 'ASW-802',
        message: 'ASW-802 snippet "router-complete-fallback": provenance is missing: add source { repository, path, commit, lines }',
      },
    ]);
  });

  it('exits 1 on an index that is not JSON', () => {
    writeFileSync(join(dir, 'provenance-index.json'), '{');
    const { out, io } = capture();
    expect(runSnippetsCli(['validate', '--dir', dir], io)).toBe(1);
    expect(out.stderr).toContain('ASW-801 provenance-index.json is not valid JSON');
  });

  it('exits 1 on an unknown command', () => {
    const { out, io } = capture();
    expect(runSnippetsCli(['publish'], io)).toBe(1);
    expect(out.stderr).toContain('unknown command "publish"');
  });
});

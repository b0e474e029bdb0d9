import { describe, expect, it } from 'vitest';
import { snippetFilesIn } from '../load-snippets.js';
import { contentDigest } from './content-digest.js';
import type { SnippetIndex } from './snippet-entry.js';
import { indexOf, validateSnippets, verifySnippetSources, type SnippetFiles } from './validate-snippets.js';

const real = snippetFilesIn();
const index = indexOf(real.indexText);
const [first] = index.snippets;
if (!first) throw new Error('the provenance index is empty');

/** The real files with the first entry edited (or removed with `undefined`). */
const withFirst = (edit: (entry: Record<string, unknown>) => Record<string, unknown>, files: Partial<SnippetFiles> = {}): SnippetFiles => ({
  ...real,
  indexText: JSON.stringify({ ...index, snippets: [edit({ ...first }), ...index.snippets.slice(1)] }),
  ...files,
});
const changed = new TextEncoder().encode(
  new TextDecoder()
    .decode(real.readFile(first.file))
    .replace(/^/, '// edited\n')
    .replace(/\n[^\n]*\n$/, '\n'),
);
const without = (key: string) => (entry: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(entry).filter(([name]) => name !== key));

describe('the curated snippets (packages/snippets)', () => {
  it('have complete provenance, allowed licences and matching hashes', () => {
    expect(index.snippets.map((entry) => entry.id)).toEqual([
      'central-registry-register',
      'deprecation-warning-once',
      'router-complete-fallback',
      'target-weights-plan',
    ]);
    expect(validateSnippets(real)).toEqual([]);
  });
});

describe('validateSnippets', () => {
  const id = first.id;
  it.each([
    [
      'a wrong hash',
      withFirst((entry) => ({ ...entry, sha256: contentDigest('other') })),
      'ASW-804',
      `does not match its sha256 (index ${contentDigest('other')}, file ${first.sha256})`,
    ],
    ['a missing hash', withFirst(without('sha256')), 'ASW-804', `sha256 is missing or malformed; the file hashes to ${first.sha256}`],
    [
      'a changed file',
      withFirst((entry) => entry, { readFile: (path) => (path === first.file ? changed : real.readFile(path)) }),
      'ASW-804',
      `(index ${first.sha256}, file ${contentDigest(changed)})`,
    ],
    [
      'a missing file',
      withFirst((entry) => ({ ...entry, file: 'curated/gone.ts.snippet' })),
      'ASW-804',
      'file curated/gone.ts.snippet does not exist',
    ],
    ['a missing licence', withFirst(without('licence')), 'ASW-803', 'licence is missing'],
    [
      'a licence not allowed',
      withFirst((entry) => ({ ...entry, licence: 'GPL-3.0-only' })),
      'ASW-803',
      'licence "GPL-3.0-only" is not one of',
    ],
    [
      'UNLICENSED code from elsewhere',
      withFirst((entry) => ({ ...entry, source: { ...first.source, repository: 'acme/quant' } })),
      'ASW-803',
      'licence UNLICENSED is only for this repository',
    ],
    ['missing provenance', withFirst(without('source')), 'ASW-802', 'provenance is missing'],
    [
      'a short commit',
      withFirst((entry) => ({ ...entry, source: { ...first.source, commit: 'ddf245b' } })),
      'ASW-802',
      'source.commit "ddf245b" is not a full 40-hex commit',
    ],
    [
      'a path outside the repository',
      withFirst((entry) => ({ ...entry, source: { ...first.source, path: '../secrets.ts' } })),
      'ASW-802',
      'source.path "../secrets.ts" is not a path inside the repository',
    ],
    [
      'lines that do not span the file',
      withFirst((entry) => ({ ...entry, source: { ...first.source, lines: [1, 3] } })),
      'ASW-802',
      'source.lines [1,3] span 3 line(s)',
    ],
    ['no prompts', withFirst((entry) => ({ ...entry, prompts: [] })), 'ASW-805', 'prompts must list at least one question'],
    [
      'an annotation past the end',
      withFirst((entry) => ({ ...entry, annotations: [{ lines: [1, 99], note: 'x' }] })),
      'ASW-805',
      'annotations[0] points at line 99',
    ],
  ])('fails %s, naming the entry', (_, files, code, message) => {
    const violations = validateSnippets(files).filter((violation) => violation.entry === id);
    expect(violations).toHaveLength(1);
    expect(violations[0]).toMatchObject({ entry: id, code });
    expect(violations[0]?.message).toContain(`${code} snippet "${id}": `);
    expect(violations[0]?.message).toContain(message);
  });

  it('fails a curated file without an entry', () => {
    expect(validateSnippets({ ...real, curatedFiles: () => [...real.curatedFiles(), 'curated/stray.py.snippet'] })).toEqual([
      {
        entry: 'curated/stray.py.snippet',
        code: 'ASW-805',
        message: 'ASW-805 curated/stray.py.snippet has no entry in provenance-index.json; add its provenance or remove it',
      },
    ]);
  });

  it.each([
    ['{', 'is not valid JSON'],
    ['{"version":2,"snippets":[]}', 'must be { "version": 1'],
  ])('fails an index %s', (indexText, message) => {
    const [violation] = validateSnippets({ ...real, indexText });
    expect(violation).toMatchObject({ entry: '(index)', code: 'ASW-801' });
    expect(violation?.message).toContain(message);
  });
});

describe('verifySnippetSources', () => {
  const sourceFor = (text: string) => () => text;
  const fileLines = new TextDecoder().decode(real.readFile(first.file)).replace(/\n$/, '').split('\n');
  const [from] = first.source.lines;
  const original = [...Array.from({ length: from - 1 }, (_, n) => `// line ${n + 1}`), ...fileLines, '// after'].join('\n');
  const single: SnippetIndex = { version: 1, snippets: [first] };

  it('passes a snippet that is exactly the named lines of its source', () => {
    expect(verifySnippetSources(single, real.readFile, sourceFor(original))).toEqual({ violations: [], unchecked: [] });
  });

  it('fails a snippet that differs from its source, naming the entry', () => {
    const { violations } = verifySnippetSources(single, real.readFile, sourceFor(original.replace(fileLines[0] ?? '', '// edited')));
    expect(violations.map((violation) => violation.message)).toEqual([
      `ASW-802 snippet "${first.id}": ${first.file} is not lines ${first.source.lines[0]}-${first.source.lines[1]} of .:${first.source.path}@${first.source.commit.slice(0, 12)}`,
    ]);
  });

  it('lists sources it cannot read as unchecked', () => {
    expect(verifySnippetSources(single, real.readFile, () => undefined)).toEqual({ violations: [], unchecked: [first.id] });
  });
});

describe('indexOf', () => {
  it('types the index through its schema, and refuses an entry the schema does not allow', () => {
    expect(indexOf(real.indexText).snippets).toHaveLength(index.snippets.length);
    expect(() => indexOf(withFirst(without('licence')).indexText)).toThrow(/licence/);
    expect(() => indexOf(withFirst((entry) => ({ ...entry, sha256: 'sha256:abc' })).indexText)).toThrow(/sha256/);
  });
});

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { contentDigest } from './provenance/content-digest.js';
import type { SnippetEntry, SnippetIndex } from './provenance/snippet-entry.js';
import { indexOf, validateSnippets, type SnippetFiles } from './provenance/validate-snippets.js';
import { SnippetsError } from './snippets-error.js';

/** The package folder: `provenance-index.json` and `curated/` ship with the package. */
export const snippetsDir: string = fileURLToPath(new URL('..', import.meta.url));

/** The index text and curated files of a snippets folder, read from disk. */
export function snippetFilesIn(dir: string = snippetsDir): SnippetFiles {
  return {
    indexText: readFileSync(join(dir, 'provenance-index.json'), 'utf8'),
    readFile: (path) => (existsSync(join(dir, path)) ? readFileSync(join(dir, path)) : undefined),
    curatedFiles: () =>
      existsSync(join(dir, 'curated'))
        ? readdirSync(join(dir, 'curated'))
            .sort()
            .map((name) => `curated/${name}`)
        : [],
  };
}

/**
 * Load the provenance index, refusing it when any entry's provenance, licence or hash is wrong.
 *
 * @throws SnippetsError for the first violation, naming the entry.
 */
export function loadSnippetIndex(dir: string = snippetsDir): SnippetIndex {
  const files = snippetFilesIn(dir);
  const [first] = validateSnippets(files);
  if (first) throw new SnippetsError(first.code, first.message.replace(/^ASW-\d+ /, ''));
  return Object.freeze(indexOf(files.indexText));
}

/** A curated snippet with its content, as read. */
export interface Snippet {
  readonly entry: SnippetEntry;
  readonly content: string;
}

/**
 * Read one snippet, checking its content against the index's sha256.
 *
 * @throws SnippetsError ASW-805 for an unknown id, ASW-804 when the content does not match.
 */
export function readSnippet(id: string, dir: string = snippetsDir): Snippet {
  const entry = loadSnippetIndex(dir).snippets.find((candidate) => candidate.id === id);
  if (!entry) throw new SnippetsError('ASW-805', `no snippet "${id}" in ${join(dir, 'provenance-index.json')}.`);
  const bytes = readFileSync(join(dir, entry.file));
  if (contentDigest(bytes) !== entry.sha256)
    throw new SnippetsError('ASW-804', `snippet "${id}": ${entry.file} changed since it was indexed.`);
  return { entry, content: bytes.toString('utf8') };
}

/** Snippets whose id, prompts or annotations contain every word of the query (case-insensitive). */
export function findSnippets(query: string, dir: string = snippetsDir): SnippetEntry[] {
  const words = query.toLowerCase().split(/\W+/).filter(Boolean);
  return loadSnippetIndex(dir).snippets.filter((entry) => {
    const text = [entry.id, ...entry.prompts, ...entry.annotations.map((annotation) => annotation.note)].join(' ').toLowerCase();
    return words.every((word) => text.includes(word));
  });
}

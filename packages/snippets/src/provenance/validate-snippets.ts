import { CONTENT_ADDRESS_PATTERN } from '@alphaswarm/core';
import type { SnippetsErrorCode } from '../snippets-error.js';
import { contentDigest } from './content-digest.js';
import { allowedLicences, type SnippetEntry, type SnippetIndex } from './snippet-entry.js';

/** One finding of the snippet validation, naming the entry it is about. */
export interface SnippetViolation {
  /** The entry's id, or the file / `(index)` when no entry applies. */
  readonly entry: string;
  readonly code: SnippetsErrorCode;
  readonly message: string;
}

/** What validation reads: the index text and the package's curated files. */
export interface SnippetFiles {
  readonly indexText: string;
  /** The bytes of a file relative to the package folder, or undefined when it does not exist. */
  readFile(path: string): Uint8Array | undefined;
  /** Every file under `curated/`, relative to the package folder. */
  curatedFiles(): readonly string[];
}

type Check = (entry: Record<string, unknown>) => readonly (readonly [SnippetsErrorCode, string])[];

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isText = (value: unknown): value is string => typeof value === 'string' && value.trim().length > 0;
const isRange = (value: unknown): value is [number, number] =>
  Array.isArray(value) && value.length === 2 && value.every((n) => Number.isInteger(n) && n >= 1) && value[0] <= value[1];

const provenanceCheck: Check = ({ source }) => {
  if (!isObject(source)) return [['ASW-802', 'provenance is missing: add source { repository, path, commit, lines }']];
  const problems: [SnippetsErrorCode, string][] = [];
  if (!isText(source.repository) || !(source.repository === '.' || /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(source.repository))) {
    problems.push(['ASW-802', `source.repository ${JSON.stringify(source.repository)} is not "owner/name" or "." (this repository)`]);
  }
  if (!isText(source.path) || source.path.startsWith('/') || source.path.split('/').includes('..')) {
    problems.push(['ASW-802', `source.path ${JSON.stringify(source.path)} is not a path inside the repository`]);
  }
  if (typeof source.commit !== 'string' || !/^[0-9a-f]{40}$/.test(source.commit)) {
    problems.push(['ASW-802', `source.commit ${JSON.stringify(source.commit)} is not a full 40-hex commit`]);
  }
  if (!isRange(source.lines))
    problems.push(['ASW-802', `source.lines ${JSON.stringify(source.lines)} is not [first, last] with 1 <= first <= last`]);
  return problems;
};

const licenceCheck: Check = ({ licence, source }) => {
  if (!isText(licence)) return [['ASW-803', 'licence is missing: add the SPDX identifier of the source']];
  if (licence === 'UNLICENSED') {
    return isObject(source) && source.repository !== '.'
      ? [['ASW-803', 'licence UNLICENSED is only for this repository\'s own code (source.repository ".")']]
      : [];
  }
  return allowedLicences.includes(licence)
    ? []
    : [['ASW-803', `licence ${JSON.stringify(licence)} is not one of ${allowedLicences.join(', ')}`]];
};

const shapeCheck: Check = ({ id, file, language, annotations, prompts }) => {
  const problems: [SnippetsErrorCode, string][] = [];
  if (typeof id !== 'string' || !/^[a-z][a-z0-9-]{1,63}$/.test(id))
    problems.push(['ASW-805', `id ${JSON.stringify(id)} is not kebab-case`]);
  if (!isText(file) || !file.startsWith('curated/') || file.split('/').includes('..'))
    problems.push(['ASW-805', `file ${JSON.stringify(file)} is not under curated/`]);
  if (!isText(language)) problems.push(['ASW-805', 'language is missing']);
  if (!Array.isArray(prompts) || prompts.length === 0 || !prompts.every(isText))
    problems.push(['ASW-805', 'prompts must list at least one question the snippet answers']);
  if (
    !Array.isArray(annotations) ||
    !annotations.every((annotation) => isObject(annotation) && isRange(annotation.lines) && isText(annotation.note))
  ) {
    problems.push(['ASW-805', 'annotations must be a list of { lines: [first, last], note }']);
  }
  return problems;
};

const contentCheck = (entry: Record<string, unknown>, files: SnippetFiles): [SnippetsErrorCode, string][] => {
  if (!isText(entry.file)) return [];
  const bytes = files.readFile(entry.file);
  if (!bytes) return [['ASW-804', `file ${entry.file} does not exist`]];
  const actual = contentDigest(bytes);
  if (typeof entry.sha256 !== 'string' || !CONTENT_ADDRESS_PATTERN.test(entry.sha256)) {
    return [['ASW-804', `sha256 is missing or malformed; the file hashes to ${actual}`]];
  }
  const problems: [SnippetsErrorCode, string][] = [];
  if (entry.sha256 !== actual)
    problems.push([
      'ASW-804',
      `${entry.file} does not match its sha256 (index ${entry.sha256}, file ${actual}); restore the file or re-curate it with new provenance`,
    ]);
  const lineCount = new TextDecoder().decode(bytes).replace(/\n$/, '').split('\n').length;
  if (isObject(entry.source) && isRange(entry.source.lines) && entry.source.lines[1] - entry.source.lines[0] + 1 !== lineCount) {
    problems.push([
      'ASW-802',
      `source.lines ${JSON.stringify(entry.source.lines)} span ${entry.source.lines[1] - entry.source.lines[0] + 1} line(s) but ${entry.file} has ${lineCount}`,
    ]);
  }
  if (Array.isArray(entry.annotations)) {
    entry.annotations.forEach((annotation: unknown, index) => {
      if (isObject(annotation) && isRange(annotation.lines) && annotation.lines[1] > lineCount) {
        problems.push(['ASW-805', `annotations[${index}] points at line ${annotation.lines[1]} of a ${lineCount}-line snippet`]);
      }
    });
  }
  return problems;
};

/** Parse the index text; returns the entries as raw objects, or the violation that stops everything. */
function parseIndex(text: string): { entries: Record<string, unknown>[] } | { violation: SnippetViolation } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return {
      violation: {
        entry: '(index)',
        code: 'ASW-801',
        message: `ASW-801 provenance-index.json is not valid JSON: ${(error as Error).message}`,
      },
    };
  }
  if (!isObject(json) || json.version !== 1 || !Array.isArray(json.snippets) || !json.snippets.every(isObject)) {
    return {
      violation: {
        entry: '(index)',
        code: 'ASW-801',
        message: 'ASW-801 provenance-index.json must be { "version": 1, "snippets": [ {…}, … ] }',
      },
    };
  }
  return { entries: json.snippets };
}

/**
 * Check the provenance index against the curated files: every entry has complete, well-formed
 * provenance, an allowed licence and a sha256 matching its file; every curated file has an
 * entry. Each violation names the entry. Returns `[]` when all is well.
 */
export function validateSnippets(files: SnippetFiles): SnippetViolation[] {
  const parsed = parseIndex(files.indexText);
  if ('violation' in parsed) return [parsed.violation];
  const violations: SnippetViolation[] = [];
  const ids = new Set<string>();
  for (const [position, entry] of parsed.entries.entries()) {
    const name = typeof entry.id === 'string' && entry.id ? entry.id : `snippets[${position}]`;
    const problems = [...shapeCheck(entry), ...provenanceCheck(entry), ...licenceCheck(entry), ...contentCheck(entry, files)];
    if (ids.has(name)) problems.push(['ASW-805', 'id is used by another entry']);
    ids.add(name);
    violations.push(...problems.map(([code, problem]) => ({ entry: name, code, message: `${code} snippet "${name}": ${problem}` })));
  }
  const indexed = new Set(parsed.entries.map((entry) => entry.file));
  for (const file of files.curatedFiles()) {
    if (!indexed.has(file))
      violations.push({
        entry: file,
        code: 'ASW-805',
        message: `ASW-805 ${file} has no entry in provenance-index.json; add its provenance or remove it`,
      });
  }
  return violations;
}

/** The index as typed entries, once {@link validateSnippets} found nothing wrong. */
export function indexOf(text: string): SnippetIndex {
  return JSON.parse(text) as SnippetIndex;
}

/** Read a source excerpt: the lines of `path` at `commit` in `repository`, or undefined when unknown. */
export type SourceReader = (source: SnippetEntry['source']) => string | undefined;

/**
 * Check that each snippet is exactly the lines its provenance names, for the sources the reader
 * can see (e.g. this repository's history through git). Sources it cannot see are listed as
 * unchecked rather than passed.
 */
export function verifySnippetSources(
  index: SnippetIndex,
  readFile: SnippetFiles['readFile'],
  readSource: SourceReader,
): { violations: SnippetViolation[]; unchecked: string[] } {
  const violations: SnippetViolation[] = [];
  const unchecked: string[] = [];
  for (const entry of index.snippets) {
    const source = readSource(entry.source);
    const bytes = readFile(entry.file);
    if (source === undefined || !bytes) {
      unchecked.push(entry.id);
      continue;
    }
    const [first, last] = entry.source.lines;
    const excerpt = `${source
      .split('\n')
      .slice(first - 1, last)
      .join('\n')}\n`;
    if (excerpt !== new TextDecoder().decode(bytes)) {
      violations.push({
        entry: entry.id,
        code: 'ASW-802',
        message: `ASW-802 snippet "${entry.id}": ${entry.file} is not lines ${first}-${last} of ${entry.source.repository}:${entry.source.path}@${entry.source.commit.slice(0, 12)}`,
      });
    }
  }
  return { violations, unchecked };
}

import { ContentAddressSchema } from '@alphaswarm/core';
import { z } from 'zod';
import type { SnippetsErrorCode } from '../snippets-error.js';
import { contentDigest } from './content-digest.js';
import {
  allowedLicences,
  LineRangeSchema,
  RawSnippetIndexSchema,
  SnippetIndexSchema,
  SnippetShapeSchema,
  SnippetSourceSchema,
  type SnippetEntry,
  type SnippetIndex,
} from './snippet-entry.js';

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

type Problem = readonly [SnippetsErrorCode, string];
type Entry = Readonly<Record<string, unknown>>;

const show = (value: unknown): string => (value === undefined ? 'undefined' : JSON.stringify(value));

/**
 * What to say when a field of an entry fails its schema, by the field's path: the code and the
 * message, from the entry as written. An issue deeper in a field is reported once, for the field.
 */
const fieldProblems: Readonly<Record<string, (entry: Entry) => Problem>> = {
  source: () => ['ASW-802', 'provenance is missing: add source { repository, path, commit, lines }'],
  'source.repository': (entry) => [
    'ASW-802',
    `source.repository ${show(sourceOf(entry).repository)} is not "owner/name" or "." (this repository)`,
  ],
  'source.path': (entry) => ['ASW-802', `source.path ${show(sourceOf(entry).path)} is not a path inside the repository`],
  'source.commit': (entry) => ['ASW-802', `source.commit ${show(sourceOf(entry).commit)} is not a full 40-hex commit`],
  'source.lines': (entry) => ['ASW-802', `source.lines ${show(sourceOf(entry).lines)} is not [first, last] with 1 <= first <= last`],
  id: (entry) => ['ASW-805', `id ${show(entry.id)} is not kebab-case`],
  file: (entry) => ['ASW-805', `file ${show(entry.file)} is not under curated/`],
  language: () => ['ASW-805', 'language is missing'],
  prompts: () => ['ASW-805', 'prompts must list at least one question the snippet answers'],
  annotations: () => ['ASW-805', 'annotations must be a list of { lines: [first, last], note }'],
};

const sourceOf = (entry: Entry): Entry => {
  const source = z.record(z.string(), z.unknown()).safeParse(entry.source);
  return source.success ? source.data : {};
};

/** The problems of `schema` on `entry`, one per failed field, in the fields' order. */
function schemaProblems(schema: z.ZodType, entry: Entry): Problem[] {
  const result = schema.safeParse(entry);
  if (result.success) return [];
  const fields = new Set<string>();
  for (const issue of result.error.issues) {
    const path = issue.path.map(String);
    const field = [path.slice(0, 2).join('.'), path.slice(0, 1).join('.')].find((candidate) => candidate in fieldProblems);
    if (field === undefined) throw new TypeError(`snippets: no message for the index field ${path.join('.') || '(entry)'}`);
    fields.add(field);
  }
  return [...fields].map((field) => fieldProblems[field]?.(entry) ?? ['ASW-805', `${field} is invalid`]);
}

const ProvenanceSchema = z.object({ source: SnippetSourceSchema });

const licenceProblems = (entry: Entry): Problem[] => {
  const licence = z.string().trim().min(1).safeParse(entry.licence);
  if (!licence.success) return [['ASW-803', 'licence is missing: add the SPDX identifier of the source']];
  if (licence.data === 'UNLICENSED') {
    const source = z.record(z.string(), z.unknown()).safeParse(entry.source);
    return source.success && source.data.repository !== '.'
      ? [['ASW-803', 'licence UNLICENSED is only for this repository\'s own code (source.repository ".")']]
      : [];
  }
  return allowedLicences.includes(licence.data)
    ? []
    : [['ASW-803', `licence ${JSON.stringify(entry.licence)} is not one of ${allowedLicences.join(', ')}`]];
};

const lineRangeOf = (value: unknown): readonly [number, number] | undefined => {
  const range = LineRangeSchema.safeParse(value);
  return range.success ? range.data : undefined;
};

const contentProblems = (entry: Entry, files: SnippetFiles): Problem[] => {
  const file = SnippetShapeSchema.shape.file.safeParse(entry.file);
  if (!file.success) return [];
  const bytes = files.readFile(file.data);
  if (!bytes) return [['ASW-804', `file ${file.data} does not exist`]];
  const actual = contentDigest(bytes);
  const digest = ContentAddressSchema.safeParse(entry.sha256);
  if (!digest.success) return [['ASW-804', `sha256 is missing or malformed; the file hashes to ${actual}`]];
  const problems: Problem[] = [];
  if (digest.data !== actual)
    problems.push([
      'ASW-804',
      `${file.data} does not match its sha256 (index ${digest.data}, file ${actual}); restore the file or re-curate it with new provenance`,
    ]);
  const lineCount = new TextDecoder().decode(bytes).replace(/\n$/, '').split('\n').length;
  const lines = lineRangeOf(sourceOf(entry).lines);
  if (lines && lines[1] - lines[0] + 1 !== lineCount) {
    problems.push([
      'ASW-802',
      `source.lines ${JSON.stringify(lines)} span ${lines[1] - lines[0] + 1} line(s) but ${file.data} has ${lineCount}`,
    ]);
  }
  const annotations = z.array(z.unknown()).safeParse(entry.annotations);
  if (annotations.success) {
    annotations.data.forEach((annotation, index) => {
      const range = lineRangeOf(z.object({ lines: z.unknown() }).safeParse(annotation).data?.lines);
      if (range && range[1] > lineCount) {
        problems.push(['ASW-805', `annotations[${index}] points at line ${range[1]} of a ${lineCount}-line snippet`]);
      }
    });
  }
  return problems;
};

/** Parse the index text; returns the entries as raw objects, or the violation that stops everything. */
function parseIndex(text: string): { entries: Entry[] } | { violation: SnippetViolation } {
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
  const index = RawSnippetIndexSchema.safeParse(json);
  if (!index.success) {
    return {
      violation: {
        entry: '(index)',
        code: 'ASW-801',
        message: 'ASW-801 provenance-index.json must be { "version": 1, "snippets": [ {…}, … ] }',
      },
    };
  }
  return { entries: index.data.snippets };
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
    const problems = [
      ...schemaProblems(SnippetShapeSchema, entry),
      ...schemaProblems(ProvenanceSchema, entry),
      ...licenceProblems(entry),
      ...contentProblems(entry, files),
    ];
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

/**
 * The index as typed entries, once {@link validateSnippets} found nothing wrong.
 *
 * @throws ZodError when the index does not match its schema.
 */
export function indexOf(text: string): SnippetIndex {
  return SnippetIndexSchema.parse(JSON.parse(text));
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

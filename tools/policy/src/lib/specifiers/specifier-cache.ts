import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractSpecifiers } from './extract-specifiers.js';
import type { ExtractedSpecifiers, SourceSpecifier, SpecifierForm, UnresolvedSpecifier } from './source-specifier.js';

/** Reads a source's specifiers: {@link extractSpecifiers}, or something that returns exactly what it would. */
export type SpecifierReader = (text: string, fileName: string) => ExtractedSpecifiers;

/** Where `pnpm boundaries` keeps its specifier cache, under the workspace root (with Nx's own workspace data). */
export const SPECIFIER_CACHE_PATH = '.nx/workspace-data/alphaswarm/boundary-specifiers.json';

const FORMAT = 1;
const here = dirname(fileURLToPath(import.meta.url));

/**
 * The fingerprint of the code that reads specifiers: the contents of extract-specifiers and of
 * every module of its internal folder (the lexer and TypeScript's fallback), and TypeScript's
 * version. A cache written by other code is never read, so a lexer change cannot be hidden by
 * answers the old lexer gave.
 */
function readerFingerprint(): string {
  const hash = createHash('sha256').update(`format ${FORMAT}\n`);
  const modules = [
    ...readdirSync(here)
      .filter((name) => /^(extract-specifiers|source-specifier)\.[jt]s$/.test(name))
      .map((name) => join(here, name)),
    ...readdirSync(join(here, 'internal'))
      .filter((name) => /\.[jt]s$/.test(name) && !name.endsWith('.d.ts'))
      .sort()
      .map((name) => join(here, 'internal', name)),
  ];
  for (const module of modules) hash.update(`${module.slice(here.length)}\n`).update(readFileSync(module));
  const typescript = createRequire(import.meta.url)('typescript/package.json') as { version: string };
  return hash.update(`typescript ${typescript.version}\n`).digest('base64url');
}

/** One cached answer, compact: [text, form, start, end]… then [form, start, end, expression]…. */
type Entry = [specifiers: (string | number)[], unresolved: (string | number)[]];

interface CacheFile {
  readonly format: number;
  readonly reader: string;
  readonly entries: Record<string, Entry>;
}

const encode = ({ specifiers, unresolved }: ExtractedSpecifiers): Entry => [
  specifiers.flatMap((specifier) => [specifier.text, specifier.form, specifier.start, specifier.end]),
  unresolved.flatMap((place) => [place.form, place.start, place.end, place.expression]),
];

function decode([flatSpecifiers, flatUnresolved]: Entry): ExtractedSpecifiers {
  const specifiers: SourceSpecifier[] = [];
  for (let index = 0; index < flatSpecifiers.length; index += 4) {
    specifiers.push({
      text: flatSpecifiers[index] as string,
      form: flatSpecifiers[index + 1] as SpecifierForm,
      start: flatSpecifiers[index + 2] as number,
      end: flatSpecifiers[index + 3] as number,
    });
  }
  const unresolved: UnresolvedSpecifier[] = [];
  for (let index = 0; index < flatUnresolved.length; index += 4) {
    unresolved.push({
      form: flatUnresolved[index] as SpecifierForm,
      start: flatUnresolved[index + 1] as number,
      end: flatUnresolved[index + 2] as number,
      expression: flatUnresolved[index + 3] as string,
    });
  }
  return { specifiers, unresolved };
}

const isEntry = (value: unknown): value is Entry =>
  Array.isArray(value) && value.length === 2 && Array.isArray(value[0]) && Array.isArray(value[1]);

/**
 * A content-addressed cache of what {@link extractSpecifiers} returns: the key is a SHA-256 of the
 * source's text and of what decides how it is read (JSX or not, its script kind), so an answer is
 * only reused for the very same bytes read by the very same code. Sources are still read from
 * disk every time and every verdict is still judged; only the lexing is skipped for sources whose
 * text has been read before. A cache file that is missing, unreadable, malformed or written by
 * other code counts as empty. {@link save} keeps only the entries this run used, and writes the
 * file whole (a temporary file renamed over it), so an interrupted run leaves the old file.
 */
export class SpecifierCache {
  private readonly entries = new Map<string, Entry>();
  private readonly used = new Map<string, Entry>();
  private readonly reader = readerFingerprint();
  private loadedEntries = 0;
  private newEntries = 0;
  /** Sources answered from the cache, and sources read by the lexer, in this run. */
  readonly stats = { hits: 0, misses: 0 };

  private constructor(private readonly file: string) {}

  /** Open the cache at `file` (absolute): its entries when it was written by this code, none otherwise. */
  static open(file: string): SpecifierCache {
    const cache = new SpecifierCache(file);
    let parsed: Partial<CacheFile>;
    try {
      parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<CacheFile>;
    } catch {
      return cache;
    }
    if (parsed.format !== FORMAT || parsed.reader !== cache.reader || typeof parsed.entries !== 'object' || parsed.entries === null)
      return cache;
    for (const [key, entry] of Object.entries(parsed.entries)) if (isEntry(entry)) cache.entries.set(key, entry);
    cache.loadedEntries = cache.entries.size;
    return cache;
  }

  /** What {@link extractSpecifiers} returns for this source, from the cache when its bytes were read before. */
  readonly extract: SpecifierReader = (text, fileName) => {
    // What extractSpecifiers reads from the name: its extension (JSX, script kind, declaration file).
    const kind = /(\.d)?\.[cm]?[jt]sx?$/.exec(fileName)?.[0] ?? fileName;
    const key = createHash('sha256').update(kind).update('\0').update(text).digest('base64url');
    const cached = this.used.get(key) ?? this.entries.get(key);
    if (cached) {
      this.stats.hits += 1;
      this.used.set(key, cached);
      return decode(cached);
    }
    this.stats.misses += 1;
    this.newEntries += 1;
    const extracted = extractSpecifiers(text, fileName);
    this.used.set(key, encode(extracted));
    return extracted;
  };

  /**
   * Write the entries this run used (and only those) when that pays: when at least 1% of the
   * sources were new to the cache, or more than 10% of its entries went unused. Below that, the
   * next run lexes those few sources again (at 20,000 files, rewriting the file costs more than
   * lexing 1% of them), and a run that edits one file at a time does not rewrite the whole cache
   * each time. Returns false when the file could not be written; the cache is an optimisation, so
   * a read-only checkout still gets its verdict.
   */
  save(): boolean {
    const lookups = this.stats.hits + this.stats.misses;
    const unused = this.loadedEntries - (this.used.size - this.newEntries);
    if (this.newEntries * 100 < lookups && unused * 10 <= this.loadedEntries) return true;
    const temporary = `${this.file}.${process.pid}.tmp`;
    try {
      mkdirSync(dirname(this.file), { recursive: true });
      const content: CacheFile = { format: FORMAT, reader: this.reader, entries: Object.fromEntries(this.used) };
      writeFileSync(temporary, JSON.stringify(content));
      renameSync(temporary, this.file);
      return true;
    } catch {
      try {
        rmSync(temporary, { force: true });
      } catch {
        // The folder itself could not be made: there is no temporary file to remove.
      }
      return false;
    }
  }
}

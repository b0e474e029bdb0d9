import type { PackageManifest } from './pack-closure.js';

/** Conditions that point at sources for the workspace, not at what the package ships. */
export const sourceConditions: ReadonlySet<string> = new Set(['@alphaswarm/source']);

/** One subpath of `exports` (`.` when `exports` is a plain string) and the files its conditions name. */
export interface ExportEntry {
  readonly subpath: string;
  /** Every file a condition names (source conditions skipped). */
  readonly files: readonly string[];
  /** The file of the `types` condition, if any. */
  readonly types: string | undefined;
}

function filesOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, inner]) => (sourceConditions.has(key) ? [] : filesOf(inner)));
}

function typesOf(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const types = (value as Record<string, unknown>)['types'];
  return typeof types === 'string' ? types : undefined;
}

/** The entries of a manifest's `exports` (subpath patterns with `*` are left out: they name no one file). */
export function exportEntries(manifest: PackageManifest): ExportEntry[] {
  const exports = manifest['exports'];
  if (exports === undefined || exports === null) return [];
  const isSubpathMap = typeof exports === 'object' && Object.keys(exports).every((key) => key.startsWith('.'));
  const entries: [string, unknown][] = isSubpathMap ? Object.entries(exports as Record<string, unknown>) : [['.', exports]];
  return entries
    .filter(([subpath]) => !subpath.includes('*'))
    .map(([subpath, value]) => ({ subpath, files: filesOf(value), types: typesOf(value) }));
}

/** Every file `exports`, `main`, `types` and `bin` name, relative to the package (`dist/index.js`), sorted. */
export function namedFiles(manifest: PackageManifest): string[] {
  const bin = manifest.bin;
  const files = [
    ...exportEntries(manifest).flatMap((entry) => entry.files),
    ...[manifest['main'], manifest['types']].filter((value): value is string => typeof value === 'string'),
    ...(typeof bin === 'string' ? [bin] : Object.values(bin ?? {})),
  ];
  return [...new Set(files.map((file) => file.replace(/^\.\//, '')))].sort();
}

/** The bins of a manifest by name (a string `bin` is named after the package, without its scope). */
export function binsOf(manifest: PackageManifest): Record<string, string> {
  const bin = manifest.bin;
  if (typeof bin === 'string') return { [String(manifest.name ?? '').replace(/^@[^/]+\//, '')]: bin };
  return { ...(bin ?? {}) };
}

/** The specifier a consumer imports a subpath by: `@alphaswarm/models` for `.`, `@alphaswarm/models/serving` for `./serving`. */
export const specifierOf = (name: string, subpath: string): string => (subpath === '.' ? name : `${name}${subpath.slice(1)}`);

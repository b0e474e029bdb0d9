import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApiReportError } from './api-report-error.js';

/** One public entry point of a package: its subpath, its declaration file and its report file. */
export interface EntryPoint {
  /** The `exports` key, e.g. "." or "./serving". */
  readonly subpath: string;
  /** Declaration file of the built entry, relative to the package folder. */
  readonly types: string;
  /** Report file, relative to the package folder. */
  readonly report: string;
}

export interface PackageManifest {
  readonly name: string;
  readonly version: string;
  readonly exports?: Record<string, unknown>;
}

export function readManifest(packageDir: string): PackageManifest {
  const file = join(packageDir, 'package.json');
  if (!existsSync(file)) throw new ApiReportError('ASW-101', `${file} not found: pass a package folder`);
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as Partial<PackageManifest>;
  if (!manifest.name || !manifest.version) throw new ApiReportError('ASW-102', `${file} needs "name" and "version"`);
  return manifest as PackageManifest;
}

/** `.` → `index`, `./llm/vllm-runner` → `llm-vllm-runner`. */
export function reportName(subpath: string): string {
  return subpath === '.' ? 'index' : subpath.replace(/^\.\//, '').replace(/[^a-z0-9]+/gi, '-');
}

/** Every entry of the `exports` map that has types, in map order. */
export function entryPoints(manifest: PackageManifest): EntryPoint[] {
  const entries = Object.entries(manifest.exports ?? {}).flatMap(([subpath, target]) => {
    if (typeof target !== 'object' || target === null) return [];
    const types = (target as Record<string, unknown>)['types'];
    if (typeof types !== 'string') return [];
    return [{ subpath, types: types.replace(/^\.\//, ''), report: `api/${reportName(subpath)}.api.md` }];
  });
  if (entries.length === 0) {
    throw new ApiReportError('ASW-103', `${manifest.name} has no "exports" entry with "types": nothing to report`);
  }
  return entries;
}

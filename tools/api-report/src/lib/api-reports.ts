import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { entryPoints, readManifest } from './entry-points.js';
import { extractReport } from './extract-report.js';
import { normaliseReport } from './normalise-report.js';
import { reportHeader } from './report-header.js';

/** The state of one entry point's checked-in report against the code. */
export interface ApiReportStatus {
  readonly subpath: string;
  /** Report path relative to the package folder. */
  readonly report: string;
  readonly status: 'ok' | 'missing' | 'changed' | 'written';
  /** For "changed": the first differing lines (`-` checked in, `+` from the code). */
  readonly diff?: string;
}

export interface ApiReportOptions {
  /** Absolute path of the package folder. */
  readonly packageDir: string;
  /** The Nx project name (used in the regenerate command of the header); defaults to the folder name. */
  readonly project?: string;
  /** Write the reports instead of checking them. */
  readonly update?: boolean;
}

/** The first differing lines, as `-` checked-in and `+` expected from the code. */
function firstDifference(checkedIn: string, expected: string): string {
  const a = checkedIn.split('\n');
  const b = expected.split('\n');
  const line = a.findIndex((text, index) => text !== b[index]);
  const at = line === -1 ? a.length : line;
  return [`@@ line ${at + 1}`, ...a.slice(at, at + 3).map((text) => `- ${text}`), ...b.slice(at, at + 3).map((text) => `+ ${text}`)].join(
    '\n',
  );
}

/** Build the expected report of every entry point and compare it to (or write it over) the checked-in one. */
export function runApiReports(options: ApiReportOptions): ApiReportStatus[] {
  const manifest = readManifest(options.packageDir);
  const project = options.project ?? basename(options.packageDir);
  return entryPoints(manifest).map((entry) => {
    const expected = `${reportHeader(manifest, project, entry.subpath)}\n\n${normaliseReport(extractReport(options.packageDir, entry).text)}`;
    const file = join(options.packageDir, entry.report);
    const current = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
    if (options.update) {
      if (current !== expected) {
        mkdirSync(dirname(file), { recursive: true });
        writeFileSync(file, expected);
        return { subpath: entry.subpath, report: entry.report, status: 'written' };
      }
      return { subpath: entry.subpath, report: entry.report, status: 'ok' };
    }
    if (current === undefined) return { subpath: entry.subpath, report: entry.report, status: 'missing' };
    if (current !== expected)
      return { subpath: entry.subpath, report: entry.report, status: 'changed', diff: firstDifference(current, expected) };
    return { subpath: entry.subpath, report: entry.report, status: 'ok' };
  });
}

import { ERROR_CODES_PATH, codeNumber, type ErrorRegistry } from './error-registry.js';

/** One place a source names an error code. */
export interface ErrorCodeUse {
  /** Workspace-relative path of the source. */
  readonly file: string;
  /** The Nx project that owns the file. */
  readonly project: string;
  /** The code as written: `ASW-` and three or four digits. */
  readonly code: string;
}

const codeInText = /\bASW-\d{3,4}\b/g;

/** Every error code a source text names (each once, in order of first appearance). */
export function findErrorCodes(text: string): string[] {
  return [...new Set(text.match(codeInText) ?? [])];
}

/**
 * What disagrees between the registry and the sources: a code no entry registers, a code used by
 * a project that neither defines it nor is listed as naming the same error (so two projects would
 * throw one code for different errors), and a registered code no source of its project names.
 * Each problem names the file, the code and the fix.
 */
export function checkErrorCodes(registry: ErrorRegistry, uses: readonly ErrorCodeUse[]): string[] {
  const byNumber = new Map(registry.codes.map((entry) => [codeNumber(entry.code), entry]));
  const problems: string[] = [];
  const used = new Set<number>();
  for (const use of uses) {
    const number = codeNumber(use.code);
    const entry = byNumber.get(number);
    if (!entry) {
      const ranges = registry.ranges.filter((range) => range.project === use.project).map((range) => `${range.from}-${range.to}`);
      problems.push(
        `${use.file}: ${use.code} is not registered: add it to ${ERROR_CODES_PATH} with its meaning and fix${ranges.length > 0 ? ` (${use.project} owns ${ranges.join(', ')})` : `, with a range for ${use.project}`}`,
      );
      continue;
    }
    if (entry.code !== use.code) {
      problems.push(`${use.file}: ${use.code} is written differently from the registered ${entry.code}: write ${entry.code}`);
      continue;
    }
    if (entry.project === use.project) used.add(number);
    else if (!entry.alsoUsedBy?.includes(use.project))
      problems.push(
        `${use.file}: ${use.code} belongs to ${entry.project} ("${entry.meaning}"), not to ${use.project}: give ${use.project}'s error a code of its own range, or, when it is the very same error, add ${use.project} to the code's alsoUsedBy in ${ERROR_CODES_PATH}`,
      );
  }
  for (const entry of registry.codes) {
    if (!used.has(codeNumber(entry.code)))
      problems.push(
        `${entry.code} is registered for ${entry.project} but no source of ${entry.project} names it: remove it from ${ERROR_CODES_PATH}`,
      );
  }
  return problems;
}

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { PolicyError } from '../policy-error.js';

/** Where the error-code registry lives, relative to the workspace root. */
export const ERROR_CODES_PATH = 'tools/policy/error-codes.json';

const codePattern = /^ASW-\d{3,4}$/;

const rangeSchema = z.object({
  project: z.string().min(1).describe('The Nx project whose errors use codes of this range.'),
  from: z.number().int().min(1),
  to: z.number().int().max(9999),
  holds: z.string().min(1).describe('What the range is for, in words.'),
});

const entrySchema = z.object({
  code: z.string().regex(codePattern, 'a code is ASW- and three or four digits'),
  project: z.string().min(1).describe('The project that defines and throws the error.'),
  meaning: z.string().min(1),
  fix: z.string().min(1),
  alsoUsedBy: z
    .array(z.string().min(1))
    .optional()
    .describe('Projects that name the same error (relay it or throw the very same one), never another error.'),
});

/** The shape of `tools/policy/error-codes.json`. */
export const errorRegistrySchema = z.object({
  $comment: z.string().optional(),
  ranges: z.array(rangeSchema).min(1),
  codes: z.array(entrySchema).min(1),
});

/** The error-code registry: disjoint ranges per project, and each code with its meaning and fix. */
export type ErrorRegistry = z.infer<typeof errorRegistrySchema>;
/** One registered code. */
export type ErrorCodeEntry = ErrorRegistry['codes'][number];

/** The number of a code: the digits after `ASW-`, read as a number (so a leading zero does not make another code). */
export function codeNumber(code: string): number {
  return Number(code.slice('ASW-'.length));
}

/** What is wrong with a registry's meaning (its shape already parsed): overlapping ranges, duplicate codes, codes outside their project's ranges. */
export function validateErrorRegistry(registry: ErrorRegistry): string[] {
  const problems: string[] = [];
  const ranges = [...registry.ranges].sort((a, b) => a.from - b.from);
  for (const [index, range] of ranges.entries()) {
    if (range.from > range.to) problems.push(`range ${range.from}-${range.to} of ${range.project} is empty: "from" must not exceed "to"`);
    const next = ranges[index + 1];
    if (next && next.from <= range.to)
      problems.push(
        `ranges ${range.from}-${range.to} (${range.project}) and ${next.from}-${next.to} (${next.project}) overlap: make them disjoint`,
      );
  }
  const seen = new Map<number, ErrorCodeEntry>();
  for (const entry of registry.codes) {
    const number = codeNumber(entry.code);
    const earlier = seen.get(number);
    if (earlier) {
      problems.push(
        `${entry.code} is registered twice (${earlier.project}: "${earlier.meaning}"; ${entry.project}: "${entry.meaning}"): give one of them a free code`,
      );
      continue;
    }
    seen.set(number, entry);
    const range = registry.ranges.find((candidate) => candidate.from <= number && number <= candidate.to);
    if (!range) problems.push(`${entry.code} (${entry.project}) is in no range: add it to a range of ${entry.project}`);
    else if (range.project !== entry.project)
      problems.push(
        `${entry.code} is registered for ${entry.project} but lies in the range ${range.from}-${range.to} of ${range.project}: take a code from a range of ${entry.project}`,
      );
    if (entry.alsoUsedBy?.includes(entry.project))
      problems.push(`${entry.code}: alsoUsedBy lists its own project ${entry.project}; remove it`);
  }
  return problems;
}

/** Parse and check the registry (shape, then meaning); throws ASW-004 naming every problem. */
export function parseErrorRegistry(data: unknown, source = ERROR_CODES_PATH): ErrorRegistry {
  const result = errorRegistrySchema.safeParse(data);
  if (!result.success) {
    const issues = result.error.issues.map((issue) => `  - ${issue.path.join('.') || '(root)'}: ${issue.message}`);
    throw new PolicyError('ASW-004', `${source} does not match the error-code registry's schema:\n${issues.join('\n')}`);
  }
  const problems = validateErrorRegistry(result.data);
  if (problems.length > 0)
    throw new PolicyError('ASW-004', `${source} is inconsistent:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
  return result.data;
}

/** Read `tools/policy/error-codes.json` under `workspaceRoot` and check it. */
export function loadErrorRegistry(workspaceRoot: string): ErrorRegistry {
  const path = join(workspaceRoot, ERROR_CODES_PATH);
  if (!existsSync(path))
    throw new PolicyError('ASW-004', `${ERROR_CODES_PATH} not found under ${workspaceRoot}: run from the workspace root`);
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new PolicyError('ASW-004', `${ERROR_CODES_PATH} is not valid JSON: ${(error as Error).message}`);
  }
  return parseErrorRegistry(data);
}

import { ERROR_CODES_PATH, type ErrorRegistry } from '@alphaswarm/policy';
import { cell, generatedHeader } from './generated-header.js';

/** `docs/errors.md`: every registered error code with its project, meaning and fix, by range. */
export function renderErrors(registry: ErrorRegistry): string {
  const ranges = [...registry.ranges].sort((a, b) => a.from - b.from);
  const number = (code: string) => Number(code.slice('ASW-'.length));
  const lines = [
    generatedHeader(ERROR_CODES_PATH),
    '',
    '# Error codes',
    '',
    `Every user error of the workspace carries one stable \`ASW-\` code from [${ERROR_CODES_PATH}](../${ERROR_CODES_PATH}).`,
    'Each project owns disjoint ranges; a code means one error wherever it is printed. To add an error, take the next',
    `free code of your project's range, add it to the registry with its meaning and fix, and run \`pnpm docs:update\`.`,
    '`pnpm docs:check` fails when a source names a code the registry does not hold, a code of another project',
    '(unless that project is listed as naming the very same error), or when a registered code is no longer used.',
    '',
    '## Ranges',
    '',
    '| codes | project | for |',
    '|---|---|---|',
    ...ranges.map((range) => `| ${range.from}–${range.to} | ${range.project} | ${cell(range.holds)} |`),
    '',
    '## Codes',
    '',
    '| code | project | meaning | fix | also named by |',
    '|---|---|---|---|---|',
    ...[...registry.codes]
      .sort((a, b) => number(a.code) - number(b.code))
      .map(
        (entry) =>
          `| \`${entry.code}\` | ${entry.project} | ${cell(entry.meaning)} | ${cell(entry.fix)} | ${entry.alsoUsedBy?.join(', ') ?? ''} |`,
      ),
    '',
  ];
  return lines.join('\n');
}

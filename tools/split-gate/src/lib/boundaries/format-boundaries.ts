import { padEnd, type Paint } from '../cli/paint.js';
import type { BoundaryReport } from './check-boundaries.js';

/** The boundary verdict for people: grouped by domain, aligned, the seed rules quoted once. */
export function formatBoundaries(report: BoundaryReport, paint: Paint): string {
  const { summary, violations } = report;
  const scope = `${summary.projects} projects, ${summary.files} files, ${summary.edges} file dependencies, ${summary.scanned} sources read, ${summary.parsed} pre-processed`;
  if (violations.length === 0) return `${paint('green', '✓')} no boundary violations (${scope})\n`;
  const lines = [`${paint('red', '✗')} ${violations.length} boundary violation${violations.length === 1 ? '' : 's'} (${scope})`, ''];
  const fileWidth = Math.max(...violations.map((violation) => violation.file.length));
  const targetWidth = Math.max(...violations.map((violation) => violation.target.length));
  const kindWidth = Math.max(...violations.map((violation) => violation.kind.length));
  const domains = [...new Set(violations.map((violation) => violation.domain))];
  for (const domain of domains) {
    const own = violations.filter((violation) => violation.domain === domain);
    lines.push(paint('bold', `${domain} (${own.length})`));
    for (const violation of own) {
      lines.push(
        `  ${padEnd(violation.file, fileWidth)}  → ${padEnd(violation.target, targetWidth)}  ${padEnd(paint('red', violation.kind), kindWidth)}  ${paint('dim', `[${violation.rule}]`)}`,
      );
      const how = violation.specifier ? `"${violation.specifier}", ${violation.evidence.join('+')}` : violation.evidence.join('+');
      lines.push(`    ${paint('dim', `(${violation.project} → ${violation.target}; ${how})`)} fix: ${violation.fix}`);
    }
    lines.push('');
  }
  const rules = [...new Map(violations.map((violation) => [violation.rule, violation.seedRule])).entries()].sort(([a], [b]) =>
    a.localeCompare(b),
  );
  const ruleWidth = Math.max(...rules.map(([rule]) => rule.length));
  lines.push('seed rules broken:');
  for (const [rule, text] of rules) lines.push(`  ${padEnd(rule, ruleWidth)}  ${text}`);
  return `${lines.join('\n')}\n`;
}

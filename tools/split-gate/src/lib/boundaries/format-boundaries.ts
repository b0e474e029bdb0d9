import { padEnd, type Paint } from '../cli/paint.js';
import type { BoundaryReport } from './check-boundaries.js';

/**
 * The boundary verdict for people: grouped by importing project, each violation at
 * `file:line:column` with the engine's message (both projects, the seed rule quoted, the fix), then
 * the documented exceptions the policy grants.
 */
export function formatBoundaries(report: BoundaryReport, paint: Paint): string {
  const { summary, violations } = report;
  const scope = `${summary.projects} projects, ${summary.files} sources and ${summary.manifests} manifests read`;
  const exceptions = summary.exceptions.map(
    (exception) =>
      `  ${exception.id} (${exception.kind}): ${exception.usedBy.length > 0 ? exception.usedBy.join(', ') : 'used by no file of this workspace'}`,
  );
  const granted = exceptions.length > 0 ? ['', 'documented exceptions (tools/policy/policy.json):', ...exceptions] : [];
  if (violations.length === 0) return `${[`${paint('green', '✓')} no boundary violations (${scope})`, ...granted].join('\n')}\n`;
  const lines = [`${paint('red', '✗')} ${violations.length} boundary violation${violations.length === 1 ? '' : 's'} (${scope})`, ''];
  const projects = [...new Set(violations.map((violation) => violation.project))].sort();
  for (const project of projects) {
    const own = violations.filter((violation) => violation.project === project);
    const domain = own[0]?.domain;
    lines.push(paint('bold', `${project}${domain && domain !== project ? ` (${domain})` : ''}: ${own.length}`));
    const width = Math.max(...own.map((violation) => `${violation.file}:${violation.line}:${violation.column}`.length));
    for (const violation of own) {
      lines.push(`  ${padEnd(`${violation.file}:${violation.line}:${violation.column}`, width)}  ${paint('red', violation.kind)}`);
      lines.push(`    ${violation.message}`);
    }
    lines.push('');
  }
  lines.pop();
  return `${[...lines, ...granted].join('\n')}\n`;
}

import { padEnd, type Paint } from '../cli/paint.js';
import { criterionIds, type DomainVerdict, type GateCriterion, type GateReport } from './gate-report.js';

const mark = (criterion: GateCriterion | undefined, paint: Paint): string =>
  criterion?.ok === true ? paint('green', '✓') : criterion?.ok === null ? paint('dim', '·') : paint('red', '✗');

const deepCell = (domain: DomainVerdict, paint: Paint): string => {
  if (domain.deep.status !== 'fresh') return paint('yellow', domain.deep.status);
  return domain.deep.ok ? `${paint('green', '✓')} fresh` : `${paint('red', '✗')} fresh`;
};

/**
 * The gate for people: one row per domain (✓ passes, ✗ fails, · not checked because another
 * criterion failed) with its deep proof, then what each failure needs, what stays, and the
 * migration order.
 */
export function formatGate(report: GateReport, paint: Paint): string {
  const ready = report.domains.filter((domain) => domain.ready).length;
  const nameWidth = Math.max('domain'.length, ...report.domains.map((domain) => domain.domain.length));
  const header = ['domain'.padEnd(nameWidth), 'ready', ...criterionIds, 'deep proof'].join('  ');
  const rows = report.domains.map((domain) =>
    [
      padEnd(domain.domain, nameWidth),
      padEnd(domain.ready ? paint('green', 'yes') : paint('red', 'no'), 'ready'.length),
      ...criterionIds.map((id) =>
        padEnd(
          mark(
            domain.criteria.find((criterion) => criterion.id === id),
            paint,
          ),
          id.length,
        ),
      ),
      deepCell(domain, paint),
    ]
      .join('  ')
      .trimEnd(),
  );
  const failures = report.domains.flatMap((domain) => [
    ...domain.criteria
      .filter((criterion) => criterion.ok !== true)
      .map((criterion) =>
        criterion.ok === null
          ? `  ${paint('dim', `${domain.domain} · ${criterion.id}: not checked (needs ${criterion.blockedBy})`)}`
          : `  ${paint('bold', `${domain.domain} · ${criterion.id}`)}: ${criterion.detail}`,
      ),
    ...(domain.deep.status === 'fresh' && domain.deep.ok
      ? []
      : [`  ${paint('bold', `${domain.domain} · deep proof`)} (${domain.deep.status}): ${domain.deep.detail}`]),
  ]);
  const lines = [
    `Future Repo Split Gate: ${ready} of ${report.domains.length} domain${report.domains.length === 1 ? '' : 's'} ready (the five criteria pass and the deep proof is fresh and passes)`,
    '',
    header,
    ...rows,
  ];
  if (failures.length > 0) lines.push('', 'What is missing:', ...failures);
  if (report.staying.length > 0) {
    lines.push('', 'Staying in the monorepo (the monolith):');
    for (const staying of report.staying) {
      const waiting = staying.blocks.map((block) => `${block.domain} (${block.path.join(' → ')})`);
      lines.push(`  ${staying.project}${waiting.length > 0 ? `: still needed by ${waiting.join(', ')}` : ': no candidate needs it'}`);
    }
  }
  if (report.migration.length > 0) {
    lines.push('', 'Migration order (docs/repository-split.md):');
    for (const step of report.migration) {
      const status =
        step.status === 'done' ? paint('green', 'done') : step.status === 'blocked' ? paint('red', 'blocked') : paint('yellow', 'pending');
      lines.push(`  ${step.step}. ${padEnd(status, 'blocked'.length)}  ${step.seed}`, `     ${paint('dim', step.evidence)}`);
    }
  }
  if (report.unplaced !== undefined && report.unplaced.length > 0) {
    lines.push(
      '',
      paint('red', 'Projects in no domain (no future repository; pnpm boundaries fails until each is tagged):'),
      ...report.unplaced.map((project) => `  ${paint('bold', project.project)} (${project.file}): ${project.detail}`),
    );
  }
  return `${lines.join('\n')}\n`;
}

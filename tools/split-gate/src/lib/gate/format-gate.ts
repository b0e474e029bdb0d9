import { padEnd, type Paint } from '../cli/paint.js';
import { criterionIds, type GateReport } from './gate-report.js';

/** The gate for people: one row per domain, a mark per criterion, then what each failure needs. */
export function formatGate(report: GateReport, paint: Paint): string {
  const ready = report.domains.filter((domain) => domain.ready).length;
  const nameWidth = Math.max('domain'.length, ...report.domains.map((domain) => domain.domain.length));
  const header = ['domain'.padEnd(nameWidth), 'ready', ...criterionIds].join('  ');
  const rows = report.domains.map((domain) =>
    [
      padEnd(domain.domain, nameWidth),
      padEnd(domain.ready ? paint('green', 'yes') : paint('red', 'no'), 'ready'.length),
      ...criterionIds.map((id) => {
        const criterion = domain.criteria.find((candidate) => candidate.id === id);
        return padEnd(criterion?.ok ? paint('green', '✓') : paint('red', '✗'), id.length);
      }),
    ]
      .join('  ')
      .trimEnd(),
  );
  const failures = report.domains.flatMap((domain) =>
    domain.criteria
      .filter((criterion) => !criterion.ok)
      .map((criterion) => `  ${paint('bold', `${domain.domain} · ${criterion.id}`)}: ${criterion.detail}`),
  );
  const lines = [
    `Future Repo Split Gate: ${ready} of ${report.domains.length} domain${report.domains.length === 1 ? '' : 's'} ready`,
    '',
    header,
    ...rows,
  ];
  if (failures.length > 0) lines.push('', 'What is missing:', ...failures);
  if (report.unplaced !== undefined && report.unplaced.length > 0) {
    lines.push(
      '',
      paint('red', 'Projects in no domain (no future repository; pnpm boundaries fails until each is tagged):'),
      ...report.unplaced.map((project) => `  ${paint('bold', project.project)} (${project.file}): ${project.detail}`),
    );
  }
  return `${lines.join('\n')}\n`;
}

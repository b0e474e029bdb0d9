import { criterionIds, type GateReport } from '../gate/gate-report.js';
import { cell, generatedHeader } from './generated-header.js';

/** `docs/split-readiness.md`: the gate's report for every split-candidate domain. */
export function renderSplitReadiness(report: GateReport): string {
  const ready = report.domains.filter((domain) => domain.ready).map((domain) => domain.domain);
  const lines = [
    generatedHeader('the split gate (`pnpm gate`)'),
    '',
    '# Split readiness',
    '',
    'The Future Repo Split Gate of the repository split, per domain: a domain is ready to become its own',
    'repository when its docs, packaging, boundaries, contracts and isolation all pass. `pnpm gate <domain>`',
    'checks one domain (exit 1 when it is not ready); `pnpm gate --deep <domain>` proves isolation by',
    'building and validating the domain in a temporary workspace without the rest of the repository.',
    '',
    `Ready: ${ready.length > 0 ? ready.join(', ') : 'none'} (${ready.length} of ${report.domains.length}).`,
    '',
    `| domain | ready | ${criterionIds.join(' | ')} |`,
    `|---|:-:|${criterionIds.map(() => ':-:').join('|')}|`,
    ...report.domains.map(
      (domain) =>
        `| ${domain.domain} | ${domain.ready ? 'yes' : '**no**'} | ${criterionIds.map((id) => (domain.criteria.find((criterion) => criterion.id === id)?.ok ? '✓' : '✗')).join(' | ')} |`,
    ),
    '',
    ...report.domains.flatMap((domain) => [
      `## ${domain.domain}`,
      '',
      '| criterion | ok | detail |',
      '|---|:-:|---|',
      ...domain.criteria.map((criterion) => `| ${criterion.id} | ${criterion.ok ? '✓' : '✗'} | ${cell(criterion.detail)} |`),
      '',
    ]),
  ];
  return lines.join('\n');
}

import { criterionIds, type GateReport } from '../gate/gate-report.js';
import { cell, generatedHeader } from './generated-header.js';

const mark = (ok: boolean | null | undefined): string => (ok === true ? '✓' : ok === null ? '·' : '✗');

/**
 * `docs/split-readiness.md`: the gate's report for every split-candidate domain, rendered with
 * every deep proof computed and the API reports compared with the commit itself, so a fresh clone
 * renders the same page.
 */
export function renderSplitReadiness(report: GateReport): string {
  const ready = report.domains.filter((domain) => domain.ready).map((domain) => domain.domain);
  const lines = [
    generatedHeader('the split gate (`pnpm gate --deep --base HEAD`)'),
    '',
    '# Split readiness',
    '',
    'The Future Repo Split Gate of the repository split, per domain: a domain is ready to become its own',
    'repository when its docs, packaging, boundaries, contracts and isolation pass and its deep proof — the',
    'domain and its static dependency closure assembled alone in an empty workspace, installed and validated —',
    'is fresh and passes. `pnpm gate <domain>` checks one domain (exit 1 when it is not ready); `pnpm gate --deep`',
    'runs the deep proofs. · marks a criterion not checked because the one it needs failed. This page compares',
    'the API reports with the commit itself; `pnpm gate` compares them with the merge base with main.',
    '',
    `Ready: ${ready.length > 0 ? ready.join(', ') : 'none'} (${ready.length} of ${report.domains.length}).`,
    '',
    `| domain | ready | ${criterionIds.join(' | ')} | deep proof |`,
    `|---|:-:|${criterionIds.map(() => ':-:').join('|')}|:-:|`,
    ...report.domains.map(
      (domain) =>
        `| ${domain.domain} | ${domain.ready ? 'yes' : '**no**'} | ${criterionIds.map((id) => mark(domain.criteria.find((criterion) => criterion.id === id)?.ok)).join(' | ')} | ${domain.deep.status === 'fresh' ? mark(domain.deep.ok) : domain.deep.status} |`,
    ),
    '',
    '## Staying in the monorepo',
    '',
    "The monolith's projects are not candidates: they stay, and the domains that still need them wait.",
    '',
    '| project | still needed by |',
    '|---|---|',
    ...report.staying.map(
      (staying) =>
        `| ${staying.project} | ${cell(staying.blocks.map((block) => `${block.domain} (${block.path.join(' → ')})`).join(', ') || '—')} |`,
    ),
    '',
    '## Migration order',
    '',
    "The seed's eight steps, each with its status computed from the workspace.",
    '',
    '| step | the seed says | status | evidence |',
    '|:-:|---|---|---|',
    ...report.migration.map((step) => `| ${step.step} | ${cell(step.seed)} | ${step.status} | ${cell(step.evidence)} |`),
    '',
    ...report.domains.flatMap((domain) => [
      `## ${domain.domain}`,
      '',
      '| criterion | ok | detail |',
      '|---|:-:|---|',
      ...domain.criteria.map((criterion) => `| ${criterion.id} | ${mark(criterion.ok)} | ${cell(criterion.detail)} |`),
      `| deep proof | ${domain.deep.status === 'fresh' ? mark(domain.deep.ok) : domain.deep.status} | ${cell(domain.deep.detail)} |`,
      '',
    ]),
  ];
  return lines.join('\n');
}

import type { BoundaryViolation } from '../boundaries/boundary-violation.js';
import type { GateCriterion } from './gate-report.js';

/** How many violations the detail spells out before it summarises the rest. */
const shown = 3;

/** What the criterion reads of a violation of the boundary engine. */
type Violation = Pick<BoundaryViolation, 'file' | 'project' | 'target' | 'kind' | 'rule' | 'fix'>;

/**
 * boundaries: zero policy violations in the files of the domain's projects, and no import of them
 * by a project the policy cannot place (which the detail names).
 */
export function checkBoundariesCriterion(projects: readonly string[], violations: readonly Violation[]): GateCriterion {
  const own = violations.filter(
    (violation) => projects.includes(violation.project) || (violation.kind === 'untagged-project' && projects.includes(violation.target)),
  );
  if (own.length === 0) return { id: 'boundaries', ok: true, detail: "no forbidden imports in the domain's files" };
  const listed = own
    .slice(0, shown)
    .map((violation) => `${violation.file} imports ${violation.target} (${violation.kind}, ${violation.rule}): ${violation.fix}`);
  const more = own.length > shown ? `; and ${own.length - shown} more` : '';
  return {
    id: 'boundaries',
    ok: false,
    detail: `${own.length} forbidden import${own.length === 1 ? '' : 's'}: ${listed.join('; ')}${more} (run \`pnpm boundaries\` for all)`,
  };
}

import type { BoundaryProblem } from './boundary-violation.js';

/**
 * The one-line message every front end prints for a violation: both projects, what is wrong, the
 * rule cited from the policy (quoted from the seed, or marked derived), and the fix. ESLint prints it as is; `pnpm boundaries` after
 * the file and line.
 */
export function violationMessage(problem: Omit<BoundaryProblem, 'message'>, what: string): string {
  return `${problem.project} → ${problem.target}: ${what} (${problem.citation}) Fix: ${problem.fix.replace(/\.$/, '')}.`;
}

import { isDependencyAllowed } from '../dependency-rules.js';
import type { PlacedProject } from '../workspace/boundary-workspace.js';
import type { BoundaryWorkspace } from '../workspace/boundary-workspace.js';
import type { ViolationKind } from './boundary-violation.js';

/** Why one project may not depend on another: the kind, the rule, and what to say and do. */
export interface PairProblem {
  readonly kind: Extract<ViolationKind, 'forbidden-import' | 'forbidden-type' | 'untagged-project'>;
  readonly rule: string;
  /** What is wrong, as the middle of a message: `controller may not import snippets`. */
  readonly what: string;
  readonly fix: string;
}

/** The rule cited when the policy cannot place a project: it has no place in the table at all. */
export const UNPLACED_RULE = 'typed-contracts';

/**
 * May `source` depend on `target` (two different projects)? Both must be placed in the policy;
 * then both tag dimensions must allow it: the domain table (`isDependencyAllowed`, with the legacy
 * shim grant for `grantFile`) and the type constraints.
 */
export function judgePair(
  workspace: BoundaryWorkspace,
  source: PlacedProject,
  target: PlacedProject,
  grantFile: string | undefined,
): PairProblem | undefined {
  const { policy } = workspace;
  for (const [side, project] of [
    ['importing', source],
    ['imported', target],
  ] as const) {
    if (!project.standing.placed) {
      return {
        kind: 'untagged-project',
        rule: UNPLACED_RULE,
        what: `the ${side} project ${project.name} (${project.root}) has no place in the policy: ${project.standing.problem}`,
        fix: `${project.standing.fix} in ${project.root}`,
      };
    }
  }
  if (!source.standing.placed || !target.standing.placed) return undefined;
  const from = source.standing;
  const to = target.standing;
  const verdict = isDependencyAllowed(policy, from.domain.name, to.domain.name, grantFile);
  if (!verdict.allowed) {
    return { kind: 'forbidden-import', rule: verdict.rule, what: `${from.domain.name} may not import ${to.domain.name}`, fix: verdict.fix };
  }
  if (!from.type.mayImport.includes(to.type.name)) {
    const allowed = from.type.mayImport.map((name) => `type:${name}`).join(', ');
    return {
      kind: 'forbidden-type',
      rule: from.type.rule,
      what: `${source.name} is ${from.type.tag} and may import only ${allowed || 'nothing'}; ${target.name} is ${to.type.tag}`,
      fix: `depend on a ${allowed || 'project of its own type'} project instead, or change the type of ${target.name} or the type constraints in the policy`,
    };
  }
  return undefined;
}

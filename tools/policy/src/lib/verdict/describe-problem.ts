import type { BoundaryWorkspace, PlacedProject } from '../workspace/boundary-workspace.js';
import type { BoundaryProblem, ViolationEvidence, ViolationKind } from './boundary-violation.js';
import { violationMessage } from './violation-message.js';
import { citeRule } from '../cite-rule.js';

/** A problem of `source`: both projects and their domains, the seed rule quoted from the policy, and the message. */
export function describeProblem(
  workspace: BoundaryWorkspace,
  source: PlacedProject,
  details: {
    readonly kind: ViolationKind;
    readonly target: string;
    readonly targetProject: PlacedProject | undefined;
    readonly rule: string;
    /** What is wrong, as the middle of the message. */
    readonly what: string;
    readonly fix: string;
    readonly specifier: string;
    readonly evidence: ViolationEvidence;
  },
): BoundaryProblem {
  const problem = {
    project: source.name,
    domain: source.standing.domain?.name,
    target: details.target,
    targetDomain: details.targetProject?.standing.domain?.name,
    kind: details.kind,
    evidence: details.evidence,
    specifier: details.specifier,
    rule: details.rule,
    seedRule: workspace.policy.seedRules[details.rule] ?? '',
    citation: citeRule(workspace.policy, details.rule),
    fix: details.fix,
  };
  return { ...problem, message: violationMessage(problem, details.what) };
}

import { loadBoundaryWorkspace, type Policy } from '@alphaswarm/policy';
import { checkBoundaries } from '../boundaries/check-boundaries.js';
import type { WorkspaceGraph } from '../workspace-graph.js';
import { collectGateFacts, type CollectOptions } from './collect-gate-facts.js';
import { evaluateGate, projectsOfDomain } from './evaluate-gate.js';
import type { GateReport } from './gate-report.js';
import { monolithUses } from './monolith-uses.js';

/** Collect the facts for `domains` (building, checking, reading; proving them with `deep`) and evaluate the gate. */
export function runGate(
  root: string,
  policy: Policy,
  graph: WorkspaceGraph,
  domains: readonly string[],
  options: CollectOptions,
): GateReport {
  const projects = domains.flatMap((domain) => projectsOfDomain(policy, graph, domain));
  const { violations } = checkBoundaries(root, loadBoundaryWorkspace(root), graph);
  const facts = collectGateFacts(root, policy, graph, domains, violations, options);
  return evaluateGate(policy, graph, { ...facts, monolithUses: monolithUses(root, graph, projects) }, domains);
}

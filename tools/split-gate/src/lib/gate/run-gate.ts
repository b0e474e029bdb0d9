import type { Policy } from '@alphaswarm/policy';
import { checkBoundaries } from '../boundaries/check-boundaries.js';
import type { WorkspaceGraph } from '../workspace-graph.js';
import { collectGateFacts, type CollectOptions } from './collect-gate-facts.js';
import { evaluateGate } from './evaluate-gate.js';
import type { GateReport } from './gate-report.js';

/** Collect the facts for `domains` (building, checking, reading; proving them with `deep`) and evaluate the gate. */
export function runGate(
  root: string,
  policy: Policy,
  graph: WorkspaceGraph,
  domains: readonly string[],
  options: CollectOptions,
): GateReport {
  const { violations } = checkBoundaries(root, policy, graph);
  const facts = collectGateFacts(root, policy, graph, domains, violations, options);
  return evaluateGate(policy, graph, facts, domains);
}

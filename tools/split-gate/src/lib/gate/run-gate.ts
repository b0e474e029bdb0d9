import { loadBoundaryWorkspace, type Policy } from '@alphaswarm/policy';
import { checkBoundaries } from '../boundaries/check-boundaries.js';
import type { WorkspaceGraph } from '../workspace-graph.js';
import { collectGateFacts } from './collect-gate-facts.js';
import { monolithUses } from './monolith-uses.js';
import { evaluateGate, projectsOfDomain } from './evaluate-gate.js';
import type { GateReport } from './gate-report.js';

/** Collect the facts for `domains` (reading, building, checking API reports) and evaluate the gate. */
export function runGate(
  root: string,
  policy: Policy,
  graph: WorkspaceGraph,
  domains: readonly string[],
  progress: (line: string) => void,
): GateReport {
  const projects = domains.flatMap((domain) => projectsOfDomain(policy, graph, domain));
  const { violations } = checkBoundaries(root, loadBoundaryWorkspace(root), graph);
  const facts = collectGateFacts(root, projects, violations, progress);
  return evaluateGate(policy, graph, { ...facts, monolithUses: monolithUses(root, graph, projects) }, domains);
}

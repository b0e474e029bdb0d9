import { domainOfTags, splitCandidates, type Policy } from '@alphaswarm/policy';
import { SplitGateError } from '../split-gate-error.js';
import type { WorkspaceGraph, WorkspaceProject } from '../workspace-graph.js';
import { checkBoundariesCriterion } from './check-boundaries-criterion.js';
import { checkContracts } from './check-contracts.js';
import { checkDocs } from './check-docs.js';
import { checkIsolation } from './check-isolation.js';
import { checkPackaging } from './check-packaging.js';
import type { GateFacts } from './gate-facts.js';
import type { DomainVerdict, GateReport } from './gate-report.js';

/** The projects of a policy domain, by their tags. */
export function projectsOfDomain(policy: Policy, graph: WorkspaceGraph, domain: string): WorkspaceProject[] {
  return graph.projects.filter((project) => domainOfTags(policy, project.tags)?.name === domain);
}

/**
 * The gate's subjects: the policy's split candidates, or the named ones (an unknown or non-candidate
 * name is a user error that lists the valid names).
 */
export function gateDomains(policy: Policy, requested: readonly string[]): string[] {
  const candidates = splitCandidates(policy).map((domain) => domain.name);
  const unknown = requested.filter((name) => !candidates.includes(name));
  if (unknown.length > 0) {
    throw new SplitGateError(
      'ASW-1206',
      `${unknown.map((name) => `"${name}"`).join(', ')} ${unknown.length === 1 ? 'is' : 'are'} not a split-candidate domain of tools/policy/policy.json: use one of ${candidates.join(', ')}`,
    );
  }
  return requested.length > 0 ? [...new Set(requested)] : candidates;
}

/** The Future Repo Split Gate for each domain: five criteria, ready when all are ok. Pure. */
export function evaluateGate(policy: Policy, graph: WorkspaceGraph, facts: GateFacts, domains: readonly string[]): GateReport {
  return {
    domains: domains.map((domain): DomainVerdict => {
      const projects = projectsOfDomain(policy, graph, domain);
      const names = projects.map((project) => project.name);
      const criteria = [
        checkDocs(domain, projects, facts.projects, graph.projects),
        checkPackaging(projects, facts.projects),
        checkBoundariesCriterion(names, facts.violations),
        checkContracts(projects, facts.projects),
        checkIsolation(domain, names, graph, facts.monolithUses),
      ];
      return { domain, ready: criteria.every((criterion) => criterion.ok), criteria };
    }),
    unplaced: facts.violations
      .filter((violation) => violation.kind === 'untagged-project' && violation.evidence === 'project')
      .map((violation) => ({ project: violation.project, file: violation.file, detail: violation.message })),
  };
}

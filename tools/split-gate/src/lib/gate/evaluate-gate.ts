import { domainOfTags, splitCandidates, type Policy } from '@alphaswarm/policy';
import { SplitGateError } from '../split-gate-error.js';
import type { WorkspaceGraph, WorkspaceProject } from '../workspace-graph.js';
import { checkBoundariesCriterion } from './check-boundaries-criterion.js';
import { checkContracts } from './check-contracts.js';
import { checkDocs, domainValidationCommands } from './check-docs.js';
import { checkIsolation, monolithTag } from './check-isolation.js';
import { checkPackaging } from './check-packaging.js';
import { judgeInOrder } from './criterion-prerequisites.js';
import type { DeepFacts, GateFacts } from './gate-facts.js';
import { criterionIds, type DeepVerdict, type DomainVerdict, type GateReport, type StayingProject } from './gate-report.js';
import { migrationSteps } from './migration-steps.js';
import { staticClosure } from './static-closure.js';

/** The projects of a policy domain, by their tags. */
export function projectsOfDomain(policy: Policy, graph: WorkspaceGraph, domain: string): WorkspaceProject[] {
  return graph.projects.filter((project) => domainOfTags(policy, project.tags)?.name === domain);
}

/**
 * The domains that may leave the monorepo: the policy's split candidates, without the monolith's
 * own domains (tagged `domain:monolith`), which are what stays behind.
 */
export function candidateDomains(policy: Policy): string[] {
  return splitCandidates(policy)
    .filter((domain) => !domain.tags.includes(monolithTag))
    .map((domain) => domain.name);
}

/**
 * The gate's subjects: the candidate domains, or the named ones (an unknown or non-candidate name
 * is a user error that lists the valid names).
 */
export function gateDomains(policy: Policy, requested: readonly string[]): string[] {
  const candidates = candidateDomains(policy);
  const staying = policy.domains.filter((domain) => domain.tags.includes(monolithTag)).map((domain) => domain.name);
  const unknown = requested.filter((name) => !candidates.includes(name));
  if (unknown.length > 0) {
    const stays = unknown.filter((name) => staying.includes(name));
    throw new SplitGateError(
      'ASW-1206',
      `${unknown.map((name) => `"${name}"`).join(', ')} ${unknown.length === 1 ? 'is' : 'are'} not a split-candidate domain of tools/policy/policy.json${stays.length > 0 ? ` (${stays.join(', ')} ${stays.length === 1 ? 'is' : 'are'} the monolith, which stays)` : ''}: use one of ${candidates.join(', ')}`,
    );
  }
  return requested.length > 0 ? [...new Set(requested)] : candidates;
}

/** The deep proof's verdict from what is on disk. */
export function deepVerdict(domain: string, facts: DeepFacts | undefined): DeepVerdict {
  const rerun = `run \`pnpm gate --deep ${domain}\``;
  if (!facts?.record) {
    return {
      status: 'missing',
      ok: undefined,
      detail: `${facts?.notComputed ? `could not be computed (${facts.notComputed})` : 'not computed on this machine'}: ${rerun} (or \`pnpm gate --deep\` for every domain)`,
    };
  }
  if (!facts.fresh) {
    return {
      status: 'stale',
      ok: undefined,
      detail: `computed for other files than the workspace has now (it said: ${facts.record.ok ? 'passes' : 'fails'}): ${rerun}`,
    };
  }
  return { status: 'fresh', ok: facts.record.ok, detail: facts.record.summary };
}

/** The monolith's projects: they stay in the monorepo, and hold back the candidates that still need them. */
export function stayingProjects(policy: Policy, graph: WorkspaceGraph): StayingProject[] {
  const candidates = candidateDomains(policy);
  return graph.projects
    .filter((project) => project.tags.includes(monolithTag))
    .map((project) => ({
      project: project.name,
      domain: domainOfTags(policy, project.tags)?.name ?? project.name,
      blocks: candidates.flatMap((domain) => {
        const closure = staticClosure(
          graph,
          projectsOfDomain(policy, graph, domain).map((member) => member.name),
        );
        return closure.projects.includes(project.name) ? [{ domain, path: closure.pathTo(project.name) }] : [];
      }),
    }));
}

/**
 * The Future Repo Split Gate for each domain: five criteria, each judged once its prerequisites
 * pass, and the deep proof; ready when the criteria pass and the proof is fresh and passes. Plus
 * the projects that stay and the seed's migration order. Pure.
 */
export function evaluateGate(policy: Policy, graph: WorkspaceGraph, facts: GateFacts, domains: readonly string[]): GateReport {
  const integrationTests = policy.integrationTests ?? [];
  const verdicts = domains.map((domain): DomainVerdict => {
    const projects = projectsOfDomain(policy, graph, domain);
    const names = projects.map((project) => project.name);
    const own = integrationTests.filter((test) => names.includes(test.project));
    const criteria = judgeInOrder(
      {
        docs: () => checkDocs(domain, projects, facts.projects, graph.projects, own),
        packaging: () => checkPackaging(projects, facts.projects),
        boundaries: () => checkBoundariesCriterion(names, facts.violations),
        contracts: () => checkContracts(projects, facts.projects, facts.base),
        isolation: () => checkIsolation(domain, names, graph, domainValidationCommands(facts.projects, names, own), facts.monolithUses),
      },
      criterionIds,
    );
    const deep = deepVerdict(domain, facts.deep.get(domain));
    return {
      domain,
      ready: criteria.every((criterion) => criterion.ok === true) && deep.status === 'fresh' && deep.ok === true,
      criteria,
      deep,
    };
  });
  return {
    domains: verdicts,
    staying: stayingProjects(policy, graph),
    migration: migrationSteps(policy, graph, verdicts, candidateDomains(policy)),
    unplaced: facts.violations
      .filter((violation) => violation.kind === 'untagged-project' && violation.evidence === 'project')
      .map((violation) => ({ project: violation.project, file: violation.file, detail: violation.message })),
  };
}

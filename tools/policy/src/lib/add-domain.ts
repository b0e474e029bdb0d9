import { citeRule } from './cite-rule.js';
import { PolicyError } from './policy-error.js';
import type { Policy, PolicyDomain } from './policy-schema.js';
import { POLICY_PATH, parsePolicy } from './parse-policy.js';
import { findDomain } from './dependency-rules.js';

/** A domain to add: its row of the table (`mayImport`) and who may import it (`importableBy`). */
export type NewDomain = Omit<PolicyDomain, 'importableBy' | 'mayImport' | 'tags'> & {
  readonly mayImport: readonly string[];
  readonly importableBy: readonly string[];
};

/**
 * The policy with `domain` added and both sides of the table kept in step: every domain it may
 * import lists it in `importableBy`, every domain that may import it lists it in `mayImport`.
 * Refuses (PolicyError) an existing name, unknown domains, a domain that accepts no new importers
 * (one with a `reverseRule`, or one that is not a future repository), a new importer that is
 * isolated by its rule (its `mayImport` is empty), and any result `validatePolicy` rejects (cycles).
 * Pure: `policy` is not changed.
 */
export function addDomain(policy: Policy, domain: NewDomain): Policy {
  if (findDomain(policy, domain.name)) {
    throw new PolicyError('ASW-010', `domain "${domain.name}" already exists in ${POLICY_PATH}; choose another name.`);
  }
  const known = policy.domains.map((candidate) => candidate.name);
  for (const [field, names] of [
    ['mayImport', domain.mayImport],
    ['importableBy', domain.importableBy],
  ] as const) {
    for (const name of names) {
      if (name === domain.name)
        throw new PolicyError(
          'ASW-011',
          `${field} of "${domain.name}" lists the domain itself; a domain may always import itself, remove "${name}".`,
        );
      if (!known.includes(name))
        throw new PolicyError(
          'ASW-011',
          `${field} of "${domain.name}" names unknown domain "${name}"; known domains: ${known.join(', ')}.`,
        );
    }
  }
  for (const name of domain.mayImport) {
    const target = findDomain(policy, name) as PolicyDomain;
    if (target.reverseRule) {
      throw new PolicyError(
        'ASW-012',
        `"${domain.name}" may not import "${name}": ${citeRule(policy, target.reverseRule)} Remove "${name}" from the allowed imports.`,
      );
    }
    if (target.splitCandidate === false) {
      throw new PolicyError(
        'ASW-012',
        `"${domain.name}" may not import "${name}": it is workspace tooling, not a product domain (${target.rule}). Remove "${name}" from the allowed imports.`,
      );
    }
  }
  for (const name of domain.importableBy) {
    const source = findDomain(policy, name) as PolicyDomain;
    if (source.mayImport.length === 0) {
      throw new PolicyError(
        'ASW-013',
        `"${name}" may not import "${domain.name}": ${citeRule(policy, source.rule)} Remove "${name}" from the domains that may import "${domain.name}".`,
      );
    }
  }
  const added: PolicyDomain = {
    name: domain.name,
    title: domain.title,
    tags: [`domain:${domain.name}`],
    seedPath: domain.seedPath,
    owns: domain.owns,
    doesNotOwn: domain.doesNotOwn,
    mayImport: [...domain.mayImport],
    importableBy: [...domain.importableBy],
    rule: domain.rule,
    ...(domain.reverseRule === undefined ? {} : { reverseRule: domain.reverseRule }),
    ...(domain.bannedExternals === undefined ? {} : { bannedExternals: domain.bannedExternals }),
    ...(domain.splitCandidate === undefined ? {} : { splitCandidate: domain.splitCandidate }),
  };
  const domains = policy.domains.map((existing) => ({
    ...existing,
    mayImport: domain.importableBy.includes(existing.name) ? [...existing.mayImport, domain.name] : existing.mayImport,
    importableBy: domain.mayImport.includes(existing.name) ? [...existing.importableBy, domain.name] : existing.importableBy,
  }));
  const firstTool = domains.findIndex((existing) => existing.splitCandidate === false);
  domains.splice(firstTool === -1 ? domains.length : firstTool, 0, added);
  const next: Policy = { ...policy, domains };
  try {
    return parsePolicy(next, `${POLICY_PATH} with domain "${domain.name}" added`);
  } catch (error) {
    if (error instanceof PolicyError)
      throw new PolicyError(
        'ASW-014',
        `${error.message.replace(/^ASW-\d+ /, '')}\nDrop one side of the offending edge from the allowed imports or the importers.`,
      );
    throw error;
  }
}

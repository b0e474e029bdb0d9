import { POLICY_PATH } from '../parse-policy.js';
import type { Policy, PolicyDomain } from '../policy-schema.js';
import type { ProjectStanding } from './boundary-project.js';

/**
 * The domain and type a project's tags place it in. It needs exactly one `domain:*` tag and one
 * `type:*` tag, both known to the policy; its domain is the one whose tags it carries, the most
 * specific when several match (`domain:monolith` + `type:primitives` is monolith-primitives). The
 * order of the tags does not matter.
 */
export function classifyProject(policy: Policy, tags: readonly string[]): ProjectStanding {
  const domainTags = tags.filter((tag) => tag.startsWith('domain:'));
  const typeTags = tags.filter((tag) => tag.startsWith('type:'));
  const known = new Set(policy.domains.flatMap((domain) => domain.tags.filter((tag) => tag.startsWith('domain:'))));
  const domainNames = [...known].join(', ');
  const typeNames = policy.types.map((type) => type.tag).join(', ');
  const matches = policy.domains.filter((domain) => domain.tags.every((tag) => tags.includes(tag)));
  const specificity = Math.max(0, ...matches.map((domain) => domain.tags.length));
  const best = matches.filter((domain) => domain.tags.length === specificity);
  const domain: PolicyDomain | undefined = best.length === 1 ? best[0] : undefined;
  const unplaced = (problem: string, fix: string): ProjectStanding => ({ placed: false, domain, problem, fix });
  if (domainTags.length === 0)
    return unplaced('it carries no domain:* tag', `add one domain tag of ${POLICY_PATH} (${domainNames}) and one type tag to nx.tags`);
  const unknownDomain = domainTags.find((tag) => !known.has(tag));
  if (unknownDomain)
    return unplaced(
      `its tag ${unknownDomain} names no domain of ${POLICY_PATH}`,
      `tag it with a domain the policy knows (${domainNames}), or add the domain to the policy (pnpm nx g @alphaswarm/workspace-plugin:domain)`,
    );
  if (domainTags.length > 1)
    return unplaced(`it carries ${domainTags.length} domain tags (${domainTags.join(', ')})`, 'keep exactly one domain:* tag');
  if (!domain) return unplaced(`its tags (${tags.join(', ')}) match no single domain of ${POLICY_PATH}`, 'keep exactly one domain:* tag');
  if (typeTags.length === 0) return unplaced('it carries no type:* tag', `add one type tag of ${POLICY_PATH} (${typeNames}) to nx.tags`);
  const type = policy.types.find((candidate) => candidate.tag === typeTags[0]);
  if (typeTags.length > 1)
    return unplaced(`it carries ${typeTags.length} type tags (${typeTags.join(', ')})`, 'keep exactly one type:* tag');
  if (!type) return unplaced(`its tag ${typeTags[0]} names no type of ${POLICY_PATH}`, `use one of ${typeNames}`);
  return { placed: true, domain, type };
}

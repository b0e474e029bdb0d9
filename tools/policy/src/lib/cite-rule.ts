import type { Policy } from './policy-schema.js';

/**
 * How every message cites a rule: `id: "<the seed's words>"`, or for a rule the workspace derives,
 * `id (derived from the seed): "<the workspace's words>"`, so a derived rule is never presented as
 * a quote of the seed.
 */
export function citeRule(policy: Policy, id: string): string {
  const text = policy.seedRules[id] ?? '';
  return policy.derivedRules?.[id] ? `${id} (derived from the seed): "${text}"` : `${id}: "${text}"`;
}

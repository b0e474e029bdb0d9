import type { Policy, PolicyDomain, PolicyShim, PolicyType } from './policy-schema.js';
import { citeRule } from './cite-rule.js';

/** The domain a project belongs to: the most specific domain whose tags it carries all of. */
export function domainOfTags(policy: Policy, tags: readonly string[]): PolicyDomain | undefined {
  return policy.domains.filter((domain) => domain.tags.every((tag) => tags.includes(tag))).sort((a, b) => b.tags.length - a.tags.length)[0];
}

/** The project type (the `type:*` dimension) a project's tags name, if the policy knows it. */
export function typeOfTags(policy: Policy, tags: readonly string[]): PolicyType | undefined {
  return policy.types.find((type) => tags.includes(type.tag));
}

/**
 * May a project tagged `fromTags` import one tagged `toTags` by the type dimension alone? As Nx's
 * tag constraint per type reads it: the target must carry a tag of a type the source's type lists
 * in `mayImport` (its own type included only when listed). A project with no known type is not
 * constrained by this dimension. The domain table ({@link isDependencyAllowed}) applies as well.
 */
export function isTypeAllowed(policy: Policy, fromTags: readonly string[], toTags: readonly string[]): boolean {
  const source = typeOfTags(policy, fromTags);
  if (!source) return true;
  return policy.types.some((type) => source.mayImport.includes(type.name) && toTags.includes(type.tag));
}

export function findDomain(policy: Policy, name: string): PolicyDomain | undefined {
  return policy.domains.find((domain) => domain.name === name);
}

/** The shim a workspace-relative file is, if any. */
export function shimForFile(policy: Policy, file: string): PolicyShim | undefined {
  return policy.shims.find((shim) => shim.file === file);
}

/** The verdict on one import from one domain to another. */
export type DependencyVerdict =
  | { readonly allowed: true; readonly via: 'same-domain' | 'table' | 'shim' }
  | { readonly allowed: false; readonly rule: string; readonly seedRule: string; readonly citation: string; readonly fix: string };

/**
 * May a file of domain `from` import domain `to`? Allowed when both sides of the table agree
 * (`from.mayImport` lists `to` and `to.importableBy` lists `from`), or when the file is a legacy
 * shim of `from` that re-exports `to`.
 */
export function isDependencyAllowed(policy: Policy, from: string, to: string, file?: string): DependencyVerdict {
  if (from === to) return { allowed: true, via: 'same-domain' };
  const source = findDomain(policy, from);
  const target = findDomain(policy, to);
  if (!source || !target) throw new RangeError(`isDependencyAllowed: unknown domain "${source ? to : from}"`);
  if (tableAllows(source, target)) return { allowed: true, via: 'table' };
  const shim = file === undefined ? undefined : shimForFile(policy, file);
  if (shim && shim.domain === from && shim.targetDomain === to) return { allowed: true, via: 'shim' };
  const rule = source.mayImport.includes(to) ? (target.reverseRule ?? target.rule) : (target.reverseRule ?? source.rule);
  return {
    allowed: false,
    rule,
    seedRule: policy.seedRules[rule] ?? '',
    citation: citeRule(policy, rule),
    fix: fixFor(policy, source, target),
  };
}

/** What to do instead of importing `target` from `source`. */
export function fixFor(policy: Policy, source: PolicyDomain, target: PolicyDomain): string {
  const allowed = allowedTargets(policy, source.name);
  const instead =
    allowed.length > 0 ? `${source.name} may import only ${allowed.join(', ')}` : `${source.name} may import nothing outside itself`;
  const shim = policy.shims.find((candidate) => candidate.targetDomain === target.name);
  if (target.name === 'snippets') return `${instead}; read snippets as data at build time, never import them.`;
  if (shim) return `${instead}; ${target.name} is reached only through the shims in ${shim.domain}.`;
  return `${instead}; move the shared part into an allowed domain, or talk to ${target.name} through a typed contract (core) or its HTTP API.`;
}

/** Both sides of the table agree: `source` lists `target` and `target` accepts `source`. */
function tableAllows(source: PolicyDomain, target: PolicyDomain): boolean {
  return source.mayImport.includes(target.name) && target.importableBy.includes(source.name);
}

/** The domains `from` may import (besides itself), by the table. */
export function allowedTargets(policy: Policy, from: string): string[] {
  const source = findDomain(policy, from);
  return source ? policy.domains.filter((to) => to.name !== from && tableAllows(source, to)).map((to) => to.name) : [];
}

/** Packages `domain` must never depend on, with the seed rule that bans them. */
export function bannedExternalsOf(
  policy: Policy,
  domain: string,
): { readonly packages: readonly string[]; readonly rule: string } | undefined {
  return findDomain(policy, domain)?.bannedExternals;
}

/** True when `packageName` matches a banned pattern (`name` or `@scope/*`). */
export function isBannedPackage(patterns: readonly string[], packageName: string): boolean {
  return patterns.some((pattern) =>
    pattern.endsWith('/*')
      ? packageName.startsWith(pattern.slice(0, -1))
      : packageName === pattern || packageName.startsWith(`${pattern}/`),
  );
}

/** Domains that are future repositories (the split gate's subjects). */
export function splitCandidates(policy: Policy): PolicyDomain[] {
  return policy.domains.filter((domain) => domain.splitCandidate !== false);
}

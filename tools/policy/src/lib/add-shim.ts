import { PolicyError } from './policy-error.js';
import type { Policy, PolicyShim } from './policy-schema.js';
import { POLICY_PATH, parsePolicy } from './parse-policy.js';

/** The next free deprecation code (`ASWDEP` + three digits) after every code the policy uses. */
export function nextShimCode(policy: Pick<Policy, 'shims'>): string {
  const highest = Math.max(0, ...policy.shims.map((shim) => Number(shim.code.slice('ASWDEP'.length))));
  if (highest >= 999)
    throw new PolicyError('ASW-015', `${POLICY_PATH} has used every deprecation code up to ASWDEP999; retire old shims first.`);
  return `ASWDEP${String(highest + 1).padStart(3, '0')}`;
}

/**
 * The policy with one more legacy shim, under the next free deprecation code. Refuses a reused id or
 * file, a shim module at a subpath another shim module of the same project keeps, a compatibility
 * binding another shim already keeps at the same entry, and any result `parsePolicy` rejects. Pure.
 */
export function addShim(policy: Policy, shim: Omit<PolicyShim, 'code'>): { readonly policy: Policy; readonly shim: PolicyShim } {
  const samePlace = (existing: PolicyShim) =>
    existing.domain === shim.domain &&
    existing.subpath === shim.subpath &&
    (existing.bindings === undefined || shim.bindings === undefined || existing.bindings.some((name) => shim.bindings?.includes(name)));
  const clash = policy.shims.find((existing) => existing.id === shim.id || existing.file === shim.file || samePlace(existing));
  if (clash) {
    throw new PolicyError(
      'ASW-016',
      `shim "${shim.id}" (${shim.file}, ${shim.subpath}) clashes with shim "${clash.id}" (${clash.file}, ${clash.subpath}) in ${POLICY_PATH}; choose another module path or --legacy-export.`,
    );
  }
  const added: PolicyShim = { ...shim, code: nextShimCode(policy) };
  return {
    policy: parsePolicy({ ...policy, shims: [...policy.shims, added] }, `${POLICY_PATH} with shim "${shim.id}" added`),
    shim: added,
  };
}

/**
 * The boundary policy: the allowed-dependency table of the repository split as data
 * (`tools/policy/policy.json`) and the semantics that ESLint, the boundary checker, the split
 * gate, the docs and the generators share.
 *
 * @packageDocumentation
 */
export { policySchema, domainSchema, shimSchema, typeSchema, derivedRuleSchema, integrationTestSchema } from './lib/policy-schema.js';
export type { Policy, PolicyDerivedRule, PolicyDomain, PolicyIntegrationTest, PolicyShim, PolicyType } from './lib/policy-schema.js';
export { citeRule } from './lib/cite-rule.js';
export { PolicyError } from './lib/policy-error.js';
export { POLICY_PATH, loadPolicy, parsePolicy } from './lib/parse-policy.js';
export { validatePolicy } from './lib/validate-policy.js';
export { findAllowedCycle, findCycle } from './lib/allowed-cycle.js';
export { addDomain } from './lib/add-domain.js';
export type { NewDomain } from './lib/add-domain.js';
export { addShim, nextShimCode } from './lib/add-shim.js';
export {
  allowedTargets,
  bannedExternalsOf,
  domainOfTags,
  findDomain,
  fixFor,
  isBannedPackage,
  isDependencyAllowed,
  shimForFile,
  splitCandidates,
} from './lib/dependency-rules.js';
export type { DependencyVerdict } from './lib/dependency-rules.js';

/**
 * The boundary policy: the allowed-dependency table of the repository split as data
 * (`tools/policy/policy.json`) and the semantics that ESLint, the boundary checker, the split
 * gate, the docs and the generators share.
 *
 * @packageDocumentation
 */
export {
  policySchema,
  domainSchema,
  exceptionSchema,
  shimSchema,
  typeSchema,
  derivedRuleSchema,
  integrationTestSchema,
} from './lib/policy-schema.js';
export type {
  Policy,
  PolicyDerivedRule,
  PolicyDomain,
  PolicyException,
  PolicyIntegrationTest,
  PolicyShim,
  PolicyType,
} from './lib/policy-schema.js';
export { citeRule } from './lib/cite-rule.js';
export { PolicyError } from './lib/policy-error.js';
export { POLICY_PATH, loadPolicy, parsePolicy } from './lib/parse-policy.js';
export { validatePolicy } from './lib/validate-policy.js';
export {
  ERROR_CODES_PATH,
  codeNumber,
  errorRegistrySchema,
  loadErrorRegistry,
  parseErrorRegistry,
  validateErrorRegistry,
} from './lib/errors/error-registry.js';
export type { ErrorCodeEntry, ErrorRegistry } from './lib/errors/error-registry.js';
export { checkErrorCodes, findErrorCodes } from './lib/errors/check-error-codes.js';
export type { ErrorCodeUse } from './lib/errors/check-error-codes.js';
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

// The boundary engine: what a source names, where a project stands, the verdict on one specifier.
export { extractSpecifiers, isSourceFile, SOURCE_EXTENSIONS } from './lib/specifiers/extract-specifiers.js';
export { SPECIFIER_CACHE_PATH, SpecifierCache } from './lib/specifiers/specifier-cache.js';
export type { SpecifierReader } from './lib/specifiers/specifier-cache.js';
export type { ExtractedSpecifiers, SourceSpecifier, SpecifierForm, UnresolvedSpecifier } from './lib/specifiers/source-specifier.js';
export type { BoundaryProject, ProjectStanding } from './lib/workspace/boundary-project.js';
export { classifyProject } from './lib/workspace/classify-project.js';
export { createBoundaryWorkspace, projectOfPath } from './lib/workspace/boundary-workspace.js';
export type { BoundaryWorkspace, LegacyShim, PlacedProject } from './lib/workspace/boundary-workspace.js';
export { discoverProjects, diskFiles } from './lib/workspace/discover-projects.js';
export type { WorkspaceFiles } from './lib/workspace/discover-projects.js';
export { loadBoundaryWorkspace } from './lib/workspace/load-boundary-workspace.js';
export { judgeSpecifier } from './lib/verdict/judge-specifier.js';
export type { SpecifierVerdict } from './lib/verdict/judge-specifier.js';
export { judgePair } from './lib/verdict/judge-pair.js';
export type { PairProblem } from './lib/verdict/judge-pair.js';
export { packageNameOf } from './lib/verdict/package-name-of.js';
export { UNVERIFIABLE_TARGET } from './lib/verdict/boundary-violation.js';
export type { BoundaryProblem, BoundaryViolation, ViolationEvidence, ViolationKind } from './lib/verdict/boundary-violation.js';
export { checkSource } from './lib/check/check-source.js';
export type { SourceCheck } from './lib/check/check-source.js';
export { checkManifest } from './lib/check/check-manifest.js';
export { checkWorkspace } from './lib/check/check-workspace.js';
export type { WorkspaceCheck } from './lib/check/check-workspace.js';
export { listProjectFiles } from './lib/check/list-project-files.js';
export { eslintIgnores, IGNORED_FILES, IGNORED_FOLDERS } from './lib/check/ignored-paths.js';

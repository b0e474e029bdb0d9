/**
 * Legacy `alphaswarm.rl.*` import path, kept by the repository split.
 *
 * @deprecated Import from `@alphaswarm/rl` instead.
 * @packageDocumentation
 */
import { warnDeprecatedImport } from '../internal/warn-deprecated-import.js';

warnDeprecatedImport('ASWDEP001', '@alphaswarm/monolith/rl', '@alphaswarm/rl');

export {
  /** @deprecated Import from `@alphaswarm/rl` instead. */
  builtinEstimators,
  /** @deprecated Import from `@alphaswarm/rl` instead. */
  canonicalJson,
  /** @deprecated Import from `@alphaswarm/rl` instead. */
  createRLComponent,
  /** @deprecated Import from `@alphaswarm/rl` instead. */
  createRLRuntime,
  /** @deprecated Import from `@alphaswarm/rl` instead. */
  gaeEstimator,
  /** @deprecated Import from `@alphaswarm/rl` instead. */
  listRLComponents,
  /** @deprecated Import from `@alphaswarm/rl` instead. */
  loadSpecLibrary,
  /** @deprecated Import from `@alphaswarm/rl` instead. */
  lockSpec,
  /** @deprecated Import from `@alphaswarm/rl` instead. */
  monteCarloEstimator,
  /** @deprecated Import from `@alphaswarm/rl` instead. */
  parseSpecFile,
  /** @deprecated Import from `@alphaswarm/rl` instead. */
  randomWeightsBackbone,
  /** @deprecated Import from `@alphaswarm/rl` instead. */
  readSpecSources,
  /** @deprecated Import from `@alphaswarm/rl` instead. */
  registerBuiltinRLComponents,
  /** @deprecated Import from `@alphaswarm/rl` instead. */
  registerRLComponent,
  /** @deprecated Import from `@alphaswarm/rl` instead. */
  relockSpecFile,
  /** @deprecated Import from `@alphaswarm/rl` instead. */
  rlComponentKey,
  /** @deprecated Import from `@alphaswarm/rl` instead. */
  RLError,
  /** @deprecated Import from `@alphaswarm/rl` instead. */
  RLExperimentSpecSchema,
  /** @deprecated Import from `@alphaswarm/rl` instead. */
  specLibraryDir,
  /** @deprecated Import from `@alphaswarm/rl` instead. */
  specLock,
  /** @deprecated Import from `@alphaswarm/rl` instead. */
  syntheticPortfolioEnvironment,
  /** @deprecated Import from `@alphaswarm/rl` instead. */
  validateSpecLibrary,
  /** @deprecated Import from `@alphaswarm/rl` instead. */
  verifySpecLock,
} from '@alphaswarm/rl';
export type {
  /** @deprecated Import from `@alphaswarm/rl` instead. */
  Action,
  /** @deprecated Import from `@alphaswarm/rl` instead. */
  AdvantageEstimate,
  /** @deprecated Import from `@alphaswarm/rl` instead. */
  AdvantageEstimator,
  /** @deprecated Import from `@alphaswarm/rl` instead. */
  LockedRLExperimentSpec,
  /** @deprecated Import from `@alphaswarm/rl` instead. */
  Observation,
  /** @deprecated Import from `@alphaswarm/rl` instead. */
  PolicyBackbone,
  /** @deprecated Import from `@alphaswarm/rl` instead. */
  RLComponentKind,
  /** @deprecated Import from `@alphaswarm/rl` instead. */
  RLComponentKinds,
  /** @deprecated Import from `@alphaswarm/rl` instead. */
  RLEnvironment,
  /** @deprecated Import from `@alphaswarm/rl` instead. */
  RLErrorCode,
  /** @deprecated Import from `@alphaswarm/rl` instead. */
  RLExperimentSpec,
  /** @deprecated Import from `@alphaswarm/rl` instead. */
  RLRunResult,
  /** @deprecated Import from `@alphaswarm/rl` instead. */
  RLRuntime,
  /** @deprecated Import from `@alphaswarm/rl` instead. */
  RLRuntimeOptions,
  /** @deprecated Import from `@alphaswarm/rl` instead. */
  Rollout,
  /** @deprecated Import from `@alphaswarm/rl` instead. */
  SpecLibraryViolation,
  /** @deprecated Import from `@alphaswarm/rl` instead. */
  SpecSource,
  /** @deprecated Import from `@alphaswarm/rl` instead. */
  StepResult,
} from '@alphaswarm/rl';

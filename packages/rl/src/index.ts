/**
 * The RL subsystem extracted from the monolith (`alphaswarm_rl`): hash-locked experiment specs,
 * the RL runtime, component registration through the central registry, advantage estimators and
 * the YAML spec library.
 *
 * @packageDocumentation
 */
export { canonicalJson } from '@alphaswarm/core';
export { RLError } from './rl-error.js';
export type { RLErrorCode } from './rl-error.js';
export { RLExperimentSpecSchema } from './spec/rl-experiment-spec.js';
export type { RLExperimentSpec } from './spec/rl-experiment-spec.js';
export { lockSpec, specLock, verifySpecLock } from './spec/spec-lock.js';
export type { LockedRLExperimentSpec } from './spec/spec-lock.js';
export { parseSpecFile, relockSpecFile } from './spec/spec-file.js';
export { loadSpecLibrary, readSpecSources, specLibraryDir, validateSpecLibrary } from './spec/spec-library.js';
export type { SpecLibraryViolation, SpecSource } from './spec/spec-library.js';
export { createRLComponent, listRLComponents, registerRLComponent, rlComponentKey } from './components/register-rl-component.js';
export type {
  Action,
  AdvantageEstimate,
  AdvantageEstimator,
  Observation,
  PolicyBackbone,
  RLComponentKind,
  RLComponentKinds,
  RLEnvironment,
  Rollout,
  StepResult,
} from './components/rl-components.js';
export { builtinEstimators, gaeEstimator, monteCarloEstimator } from './components/advantage-estimators.js';
export { registerBuiltinRLComponents } from './components/register-builtin-rl-components.js';
export { randomWeightsBackbone, syntheticPortfolioEnvironment } from './components/synthetic-portfolio.js';
export { createRLRuntime } from './runtime/rl-runtime.js';
export type { RLRunResult, RLRuntime, RLRuntimeOptions } from './runtime/rl-runtime.js';

/**
 * Legacy `alphaswarm.ml.*` import path, kept by the repository split.
 *
 * @deprecated Import from `@alphaswarm/models` instead.
 * @packageDocumentation
 */
import { warnDeprecatedImport } from '../internal/warn-deprecated-import.js';

warnDeprecatedImport('ASWDEP002', '@alphaswarm/monolith/ml', '@alphaswarm/models');

export {
  /** @deprecated Import from `@alphaswarm/models` instead. */
  createModelRegistry,
  /** @deprecated Import from `@alphaswarm/models` instead. */
  createPredictorHub,
  /** @deprecated Import from `@alphaswarm/models` instead. */
  evaluateWalkForward,
  /** @deprecated Import from `@alphaswarm/models` instead. */
  ModelsError,
  /** @deprecated Import from `@alphaswarm/models` instead. */
  modelVersionModel,
  /** @deprecated Import from `@alphaswarm/models` instead. */
  walkForwardWindows,
} from '@alphaswarm/models';
export type {
  /** @deprecated Import from `@alphaswarm/models` instead. */
  FeatureRow,
  /** @deprecated Import from `@alphaswarm/models` instead. */
  Metrics,
  /** @deprecated Import from `@alphaswarm/models` instead. */
  ModelRegistry,
  /** @deprecated Import from `@alphaswarm/models` instead. */
  ModelsErrorCode,
  /** @deprecated Import from `@alphaswarm/models` instead. */
  ModelStage,
  /** @deprecated Import from `@alphaswarm/models` instead. */
  ModelVersionRecord,
  /** @deprecated Import from `@alphaswarm/models` instead. */
  NewModelVersion,
  /** @deprecated Import from `@alphaswarm/models` instead. */
  Predictor,
  /** @deprecated Import from `@alphaswarm/models` instead. */
  PredictorHub,
  /** @deprecated Import from `@alphaswarm/models` instead. */
  PredictorHubOptions,
  /** @deprecated Import from `@alphaswarm/models` instead. */
  WalkForwardEvaluation,
  /** @deprecated Import from `@alphaswarm/models` instead. */
  WalkForwardFoldResult,
  /** @deprecated Import from `@alphaswarm/models` instead. */
  WalkForwardOptions,
  /** @deprecated Import from `@alphaswarm/models` instead. */
  WalkForwardReport,
  /** @deprecated Import from `@alphaswarm/models` instead. */
  WalkForwardWindow,
} from '@alphaswarm/models';

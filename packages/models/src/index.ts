/**
 * Custom models extracted from the monolith (`alphaswarm_models`): the Predictor Hub, the model
 * registry and walk-forward evaluation. Model serving lives at `@alphaswarm/models/serving`.
 *
 * @packageDocumentation
 */
export { ModelsError } from './models-error.js';
export type { ModelsErrorCode } from './models-error.js';
export { createPredictorHub } from './predictor-hub/predictor-hub.js';
export type { FeatureRow, Predictor, PredictorHub, PredictorHubOptions } from './predictor-hub/predictor-hub.js';
export { createModelRegistry, modelVersionModel } from './registry/model-registry.js';
export type { ModelRegistry, ModelStage, ModelVersionRecord, NewModelVersion } from './registry/model-registry.js';
export { walkForwardWindows } from './evaluation/walk-forward.js';
export type { WalkForwardOptions, WalkForwardWindow } from './evaluation/walk-forward.js';
export { evaluateWalkForward } from './evaluation/evaluate-walk-forward.js';
export type { Metrics, WalkForwardEvaluation, WalkForwardFoldResult, WalkForwardReport } from './evaluation/evaluate-walk-forward.js';

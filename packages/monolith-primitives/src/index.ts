/**
 * The monolith's shared runtime primitives: exactly the seed's list of what rl, models and bots
 * may still take from `alphaswarm.*` until each is extracted. Add nothing else here.
 *
 * @packageDocumentation
 */
export { appendArrow } from './lib/append-arrow.js';
export type { AppendResult, ArrowBatch, ArrowField, IcebergTableWriter } from './lib/append-arrow.js';
export { routerComplete } from './lib/router-complete.js';
export type { ChatMessage, Completion, CompletionRequest, LlmBackend, RouterError } from './lib/router-complete.js';
export { LedgerWriter } from './lib/ledger-writer.js';
export type { LedgerLeg, LedgerPosting, LedgerRecord, LedgerSink } from './lib/ledger-writer.js';
export { RequestContext } from './lib/request-context.js';
export type { RequestContextInit } from './lib/request-context.js';
export type { OrmColumn, OrmColumnType, OrmModel, OrmPrimaryKey, OrmRepository } from './lib/orm-models.js';
export { progress } from './lib/progress.js';
export type { ProgressEvent, ProgressListener } from './lib/progress.js';
export { MetadataCache } from './lib/metadata-cache.js';
export { RiskLimits } from './lib/risk-limits.js';
export type { RiskLimitsConfig, RiskViolation, Weights } from './lib/risk-limits.js';
export { TargetWeightsRebalancer } from './lib/target-weights-rebalancer.js';
export type { RebalancePlan, WeightTrade } from './lib/target-weights-rebalancer.js';
export { createRegistry, registry } from './lib/registry.js';
export type { ComponentFactory, Registry, RegistryKey } from './lib/registry.js';

/**
 * The monolith runtime (`alphaswarm.*`): the central registry, the LLM gateway and the shared
 * orchestration of the spec runtimes. Legacy subpaths `./rl`, `./ml`, `./llm/vllm-runner` and
 * `./llm/ollama-client` are deprecation shims; new code imports the extracted packages directly.
 *
 * @packageDocumentation
 */
export { legacyImports, replacementFor } from './legacy-imports.js';
export type { LegacyImport } from './legacy-imports.js';
export { MonolithError } from './monolith-error.js';
export type { MonolithErrorCode } from './monolith-error.js';
export { register, registeredNames, resolve } from './registry/register.js';
export type { RegisteredComponent } from './registry/register.js';
export type { CompletionCache, ConversationMemory, PromptLibrary, TokenLedger, TokenUsage } from './llm-gateway/gateway-contracts.js';
export {
  inMemoryConversationMemory,
  inMemoryTokenLedger,
  metadataCompletionCache,
  templatePromptLibrary,
} from './llm-gateway/gateway-stores.js';
export type { PromptTemplate } from './llm-gateway/gateway-stores.js';
export { createLlmGateway } from './llm-gateway/llm-gateway.js';
export type { GatewayCompletion, GatewayRequest, LlmGateway, LlmGatewayOptions } from './llm-gateway/llm-gateway.js';
export { createSpecOrchestrator } from './orchestration/spec-orchestrator.js';
export type {
  SpecKind,
  SpecOrchestrator,
  SpecOrchestratorOptions,
  SpecRun,
  SpecRunSink,
  SpecRuntime,
} from './orchestration/spec-orchestrator.js';

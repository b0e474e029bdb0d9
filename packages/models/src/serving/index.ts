/**
 * Custom model serving (`alphaswarm_models.serving`): clients for vLLM runners (OpenAI-compatible
 * HTTP) and Ollama servers, and their adapter to the monolith's LLM gateway.
 *
 * @packageDocumentation
 */
export { OllamaClient } from './ollama-client.js';
export { VllmRunnerClient } from './vllm-runner.js';
export { ServingError } from './http-json.js';
export type { ServingClientOptions } from './http-json.js';
export { servingBackend } from './llm-backend.js';
export type { ChatClient } from './llm-backend.js';
export type { ChatTurn, GenerateResult } from './types.js';

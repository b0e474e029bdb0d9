/**
 * Custom model serving (`alphaswarm_models.serving`): clients for vLLM runners and Ollama servers.
 *
 * @packageDocumentation
 */
export { OllamaClient } from './ollama-client.js';
export { VllmRunnerClient } from './vllm-runner.js';
export { ServingError } from './http-json.js';
export type { ServingClientOptions } from './http-json.js';
export type { ChatTurn, GenerateResult } from './types.js';

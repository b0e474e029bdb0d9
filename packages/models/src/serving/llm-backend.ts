import type { LlmBackend } from '@alphaswarm/monolith-primitives';
import type { ChatTurn, GenerateResult } from './types.js';

/** What both serving clients offer: one chat turn against a named model. */
export interface ChatClient {
  chat(model: string, messages: readonly ChatTurn[], options?: { maxTokens?: number; temperature?: number }): Promise<GenerateResult>;
}

/**
 * Expose a serving client (vLLM runner or Ollama) as a backend of the monolith's LLM gateway
 * (`routerComplete`), serving exactly the listed models.
 */
export function servingBackend(name: string, client: ChatClient, models: readonly string[]): LlmBackend {
  return {
    name,
    supports: (model) => models.includes(model),
    async complete(request) {
      const options: { maxTokens?: number; temperature?: number } = {};
      if (request.maxTokens !== undefined) options.maxTokens = request.maxTokens;
      if (request.temperature !== undefined) options.temperature = request.temperature;
      const result = await client.chat(request.model, request.messages, options);
      return {
        model: result.model,
        content: result.content,
        usage: { promptTokens: result.promptTokens, completionTokens: result.completionTokens },
      };
    },
  };
}

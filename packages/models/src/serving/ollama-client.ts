import { requestJson, ServingError, type ServingClientOptions } from './http-json.js';
import type { ChatTurn, GenerateResult } from './types.js';

interface OllamaChatResponse {
  model: string;
  message?: { content: string };
  prompt_eval_count?: number;
  eval_count?: number;
}

/** Client for an Ollama server (`/api/tags`, `/api/chat`, `/api/pull`). */
export class OllamaClient {
  constructor(private readonly options: ServingClientOptions) {}

  /** Locally available models (`GET /api/tags`). */
  async listModels(): Promise<string[]> {
    const body = (await requestJson(this.options, 'GET', 'api/tags')) as { models?: { name: string }[] };
    if (!Array.isArray(body.models)) throw new ServingError('Ollama: /api/tags answered without a models list');
    return body.models.map((model) => model.name);
  }

  /** Pull a model to the server (`POST /api/pull`, non-streaming); resolves with the final status. */
  async pull(model: string): Promise<string> {
    const body = (await requestJson(this.options, 'POST', 'api/pull', { model, stream: false })) as { status?: string };
    if (typeof body.status !== 'string') throw new ServingError('Ollama: /api/pull answered without a status');
    return body.status;
  }

  /** One chat turn (`POST /api/chat`, non-streaming); `maxTokens` becomes Ollama's `num_predict`. */
  async chat(
    model: string,
    messages: readonly ChatTurn[],
    options: { maxTokens?: number; temperature?: number } = {},
  ): Promise<GenerateResult> {
    const modelOptions: { num_predict?: number; temperature?: number } = {};
    if (options.maxTokens !== undefined) modelOptions.num_predict = options.maxTokens;
    if (options.temperature !== undefined) modelOptions.temperature = options.temperature;
    const body = (await requestJson(this.options, 'POST', 'api/chat', {
      model,
      messages,
      stream: false,
      options: Object.keys(modelOptions).length === 0 ? undefined : modelOptions,
    })) as OllamaChatResponse;
    if (typeof body.message?.content !== 'string') throw new ServingError('Ollama: /api/chat answered without message.content');
    return {
      model: body.model,
      content: body.message.content,
      promptTokens: body.prompt_eval_count ?? 0,
      completionTokens: body.eval_count ?? 0,
    };
  }
}

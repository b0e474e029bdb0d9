import { requestJson, ServingError, type ServingClientOptions } from './http-json.js';
import type { ChatTurn, GenerateResult } from './types.js';

interface OpenAIChatResponse {
  model: string;
  choices: { message: { content: string } }[];
  usage?: { prompt_tokens: number; completion_tokens: number };
}

/** Client for a vLLM runner, which speaks the OpenAI-compatible HTTP API. */
export class VllmRunnerClient {
  constructor(private readonly options: ServingClientOptions) {}

  /** Model ids the runner serves (`GET /v1/models`). */
  async listModels(): Promise<string[]> {
    const body = (await requestJson(this.options, 'GET', 'v1/models')) as { data?: { id: string }[] };
    if (!Array.isArray(body.data)) throw new ServingError('vLLM: /v1/models answered without a data list');
    return body.data.map((model) => model.id);
  }

  /** One chat completion (`POST /v1/chat/completions`). */
  async chat(
    model: string,
    messages: readonly ChatTurn[],
    options: { maxTokens?: number; temperature?: number } = {},
  ): Promise<GenerateResult> {
    const body = (await requestJson(this.options, 'POST', 'v1/chat/completions', {
      model,
      messages,
      max_tokens: options.maxTokens,
      temperature: options.temperature,
      stream: false,
    })) as OpenAIChatResponse;
    const content = body.choices?.[0]?.message?.content;
    if (typeof content !== 'string') throw new ServingError('vLLM: completion answered without choices[0].message.content');
    return {
      model: body.model,
      content,
      promptTokens: body.usage?.prompt_tokens ?? 0,
      completionTokens: body.usage?.completion_tokens ?? 0,
    };
  }
}

import { createHash } from 'node:crypto';
import { RequestContext, routerComplete, type ChatMessage, type Completion, type LlmBackend } from '@alphaswarm/monolith-primitives';
import { MonolithError } from '../monolith-error.js';
import type { CompletionCache, ConversationMemory, PromptLibrary, TokenLedger } from './gateway-contracts.js';

/** A request to the LLM gateway: a library prompt and/or messages, optionally in a conversation. */
export interface GatewayRequest {
  readonly model: string;
  readonly prompt?: { readonly id: string; readonly variables?: Readonly<Record<string, string>> };
  readonly messages?: readonly ChatMessage[];
  /** Replay this conversation's memory first and remember this exchange after it. */
  readonly conversationId?: string;
  readonly maxTokens?: number;
  readonly temperature?: number;
  /** Use the cache; by default only deterministic requests (temperature 0) are cached. */
  readonly cache?: boolean;
}

/** A completion as the gateway returns it. */
export interface GatewayCompletion extends Completion {
  readonly cached: boolean;
}

/** The monolith's LLM gateway. */
export interface LlmGateway {
  /** `router_complete` with memory, cache, prompts and token accounting. */
  routerComplete(request: GatewayRequest): Promise<GatewayCompletion>;
}

/** What the gateway is built from; memory, cache and prompts are optional. */
export interface LlmGatewayOptions {
  readonly backends: readonly LlmBackend[];
  readonly tokens: TokenLedger;
  readonly memory?: ConversationMemory;
  readonly cache?: CompletionCache;
  readonly prompts?: PromptLibrary;
  readonly now?: () => Date;
}

/** The LLM gateway on top of the primitives' `routerComplete`. */
export function createLlmGateway(options: LlmGatewayOptions): LlmGateway {
  const now = options.now ?? (() => new Date());
  return {
    async routerComplete(request) {
      if (request.prompt && !options.prompts)
        throw new MonolithError('ASW-502', `prompt "${request.prompt.id}" was requested but the gateway has no prompt library.`);
      if (request.conversationId && !options.memory)
        throw new MonolithError('ASW-502', `conversation "${request.conversationId}" was requested but the gateway has no memory.`);
      const history = request.conversationId && options.memory ? await options.memory.load(request.conversationId) : [];
      const fresh = [
        ...(request.prompt && options.prompts ? options.prompts.render(request.prompt.id, request.prompt.variables ?? {}) : []),
        ...(request.messages ?? []),
      ];
      if (fresh.length === 0)
        throw new MonolithError('ASW-502', `a request to model "${request.model}" needs a prompt or at least one message.`);
      const completionRequest = {
        model: request.model,
        messages: [...history, ...fresh],
        ...(request.maxTokens === undefined ? {} : { maxTokens: request.maxTokens }),
        ...(request.temperature === undefined ? {} : { temperature: request.temperature }),
      };
      const useCache = options.cache !== undefined && (request.cache ?? request.temperature === 0);
      const key = createHash('sha256')
        .update(
          JSON.stringify([
            completionRequest.model,
            completionRequest.messages.map((message) => [message.role, message.content]),
            request.maxTokens ?? null,
            request.temperature ?? null,
          ]),
        )
        .digest('hex');
      const hit = useCache ? await options.cache?.get(key) : undefined;
      let completion: Completion;
      if (hit) {
        completion = hit;
      } else {
        completion = await routerComplete(completionRequest, options.backends);
        const context = RequestContext.tryCurrent();
        await options.tokens.record({
          tenantId: context?.tenantId ?? 'system',
          requestId: context?.requestId,
          model: completion.model,
          backend: completion.backend,
          promptTokens: completion.usage.promptTokens,
          completionTokens: completion.usage.completionTokens,
          at: now(),
        });
        if (useCache) await options.cache?.set(key, completion);
      }
      if (request.conversationId && options.memory) {
        await options.memory.append(request.conversationId, [...fresh, { role: 'assistant', content: completion.content }]);
      }
      return { ...completion, cached: hit !== undefined };
    },
  };
}

import { MetadataCache, type ChatMessage, type Completion } from '@alphaswarm/monolith-primitives';
import { MonolithError } from '../monolith-error.js';
import type { CompletionCache, ConversationMemory, PromptLibrary, TokenLedger, TokenUsage } from './gateway-contracts.js';

/** Conversation memory in process memory, keeping the last `maxTurns` messages per conversation. */
export function inMemoryConversationMemory(maxTurns = 50): ConversationMemory {
  const conversations = new Map<string, ChatMessage[]>();
  return {
    load: async (conversationId) => [...(conversations.get(conversationId) ?? [])],
    append: async (conversationId, messages) => {
      conversations.set(conversationId, [...(conversations.get(conversationId) ?? []), ...messages].slice(-maxTurns));
    },
  };
}

/** A completion cache on the primitives' bounded TTL `MetadataCache`. */
export function metadataCompletionCache(cache: MetadataCache<Completion>): CompletionCache {
  return {
    get: async (key) => cache.get(key),
    set: async (key, completion) => cache.set(key, completion),
  };
}

/** A prompt template: messages whose content may hold `{{variable}}` placeholders. */
export type PromptTemplate = readonly ChatMessage[];

/**
 * A prompt library over fixed templates. Rendering refuses an unknown prompt and a placeholder
 * without a value, so no half-filled prompt reaches a model.
 */
export function templatePromptLibrary(templates: Readonly<Record<string, PromptTemplate>>): PromptLibrary {
  return {
    render(id, variables) {
      const template = templates[id];
      if (!template)
        throw new MonolithError(
          'ASW-502',
          `prompt "${id}" is not in the prompt library (known: ${Object.keys(templates).sort().join(', ') || 'none'}).`,
        );
      return template.map((message) => ({
        role: message.role,
        content: message.content.replace(/\{\{\s*([a-zA-Z_][a-zA-Z0-9_]*)\s*\}\}/g, (_, name: string) => {
          const value = variables[name];
          if (value === undefined) throw new MonolithError('ASW-502', `prompt "${id}" needs variable "${name}".`);
          return value;
        }),
      }));
    },
  };
}

/** Token accounting in process memory, with totals per tenant. */
export function inMemoryTokenLedger(): TokenLedger & {
  readonly entries: readonly TokenUsage[];
  totals(tenantId: string): { promptTokens: number; completionTokens: number };
} {
  const entries: TokenUsage[] = [];
  return {
    entries,
    record: async (usage) => void entries.push(usage),
    totals: (tenantId) =>
      entries
        .filter((entry) => entry.tenantId === tenantId)
        .reduce(
          (sum, entry) => ({
            promptTokens: sum.promptTokens + entry.promptTokens,
            completionTokens: sum.completionTokens + entry.completionTokens,
          }),
          { promptTokens: 0, completionTokens: 0 },
        ),
  };
}

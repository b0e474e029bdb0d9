import type { ChatMessage, Completion } from '@alphaswarm/monolith-primitives';

/** Conversation memory: the turns of a conversation, replayed before each new request. */
export interface ConversationMemory {
  load(conversationId: string): Promise<readonly ChatMessage[]>;
  append(conversationId: string, messages: readonly ChatMessage[]): Promise<void>;
}

/** A completion cache, keyed by the hash of everything that determines the answer. */
export interface CompletionCache {
  get(key: string): Promise<Completion | undefined>;
  set(key: string, completion: Completion): Promise<void>;
}

/** A prompt library: named prompt templates rendered with variables. */
export interface PromptLibrary {
  /** @throws when the prompt is unknown or a variable is missing. */
  render(id: string, variables: Readonly<Record<string, string>>): readonly ChatMessage[];
}

/** One completion's token usage, as the gateway accounts it. */
export interface TokenUsage {
  readonly tenantId: string;
  readonly requestId: string | undefined;
  readonly model: string;
  readonly backend: string;
  readonly promptTokens: number;
  readonly completionTokens: number;
  readonly at: Date;
}

/** Token accounting: every backend call's usage is recorded here (cache hits cost nothing). */
export interface TokenLedger {
  record(usage: TokenUsage): Promise<void>;
}

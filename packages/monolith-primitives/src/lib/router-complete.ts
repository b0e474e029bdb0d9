/** One chat message sent to an LLM. */
export interface ChatMessage {
  readonly role: 'system' | 'user' | 'assistant';
  readonly content: string;
}

/** A completion request as callers of the LLM gateway write it. */
export interface CompletionRequest {
  readonly model: string;
  readonly messages: readonly ChatMessage[];
  readonly maxTokens?: number;
  readonly temperature?: number;
}

/** What a backend returns, with the token accounting the gateway records. */
export interface Completion {
  readonly model: string;
  readonly backend: string;
  readonly content: string;
  readonly usage: { readonly promptTokens: number; readonly completionTokens: number };
}

/** A concrete LLM provider (vLLM, Ollama, a hosted API) behind the gateway. */
export interface LlmBackend {
  readonly name: string;
  supports(model: string): boolean;
  complete(request: CompletionRequest): Promise<Omit<Completion, 'backend'>>;
}

/** Raised when no backend could answer; `attempts` says why each one failed. */
export class RouterError extends Error {
  constructor(
    message: string,
    readonly attempts: readonly { readonly backend: string; readonly error: string }[],
  ) {
    super(message);
    this.name = 'RouterError';
  }
}

/**
 * `router_complete`: send a completion to the first backend that serves the model, falling back
 * to the next one that does when a backend fails.
 */
export async function routerComplete(request: CompletionRequest, backends: readonly LlmBackend[]): Promise<Completion> {
  if (request.messages.length === 0) throw new TypeError('routerComplete: a request needs at least one message');
  const candidates = backends.filter((backend) => backend.supports(request.model));
  const attempts: { backend: string; error: string }[] = [];
  for (const backend of candidates) {
    try {
      return { ...(await backend.complete(request)), backend: backend.name };
    } catch (error) {
      attempts.push({ backend: backend.name, error: error instanceof Error ? error.message : String(error) });
    }
  }
  const reason = candidates.length === 0 ? 'no backend serves this model' : 'every backend failed';
  throw new RouterError(`routerComplete: ${reason} (model "${request.model}")`, attempts);
}

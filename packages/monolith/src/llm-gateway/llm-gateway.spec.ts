import { MetadataCache, RequestContext, type Completion, type CompletionRequest, type LlmBackend } from '@alphaswarm/monolith-primitives';
import { describe, expect, it } from 'vitest';
import { inMemoryConversationMemory, inMemoryTokenLedger, metadataCompletionCache, templatePromptLibrary } from './gateway-stores.js';
import { createLlmGateway } from './llm-gateway.js';

const echoBackend = (name = 'echo') => {
  const requests: CompletionRequest[] = [];
  const backend: LlmBackend = {
    name,
    supports: (model) => model === 'qwen',
    complete: async (request) => {
      requests.push(request);
      return {
        model: request.model,
        content: `re:${request.messages.at(-1)?.content}`,
        usage: { promptTokens: request.messages.length * 10, completionTokens: 5 },
      };
    },
  };
  return { backend, requests };
};

const at = new Date('2026-05-01T12:00:00Z');
const prompts = templatePromptLibrary({
  summarise: [
    { role: 'system', content: 'You summarise {{ kind }} for traders.' },
    { role: 'user', content: 'Summarise: {{text}}' },
  ],
});

describe('LLM gateway routerComplete', () => {
  it('renders a library prompt, routes it and accounts the tokens to the current tenant', async () => {
    const { backend, requests } = echoBackend();
    const tokens = inMemoryTokenLedger();
    const gateway = createLlmGateway({ backends: [backend], tokens, prompts, now: () => at });
    const context = new RequestContext({ requestId: 'req-1', tenantId: 'acme', principal: 'ana' });
    const completion = await context.run(() =>
      gateway.routerComplete({ model: 'qwen', prompt: { id: 'summarise', variables: { kind: 'filings', text: '10-K' } } }),
    );
    expect(completion).toEqual({
      model: 'qwen',
      backend: 'echo',
      content: 're:Summarise: 10-K',
      usage: { promptTokens: 20, completionTokens: 5 },
      cached: false,
    });
    expect(requests[0]?.messages).toEqual([
      { role: 'system', content: 'You summarise filings for traders.' },
      { role: 'user', content: 'Summarise: 10-K' },
    ]);
    expect(tokens.entries).toEqual([
      { tenantId: 'acme', requestId: 'req-1', model: 'qwen', backend: 'echo', promptTokens: 20, completionTokens: 5, at },
    ]);
  });

  it('replays conversation memory and remembers the exchange', async () => {
    const { backend, requests } = echoBackend();
    const memory = inMemoryConversationMemory();
    const gateway = createLlmGateway({ backends: [backend], tokens: inMemoryTokenLedger(), memory });
    await gateway.routerComplete({ model: 'qwen', conversationId: 'c1', messages: [{ role: 'user', content: 'one' }] });
    await gateway.routerComplete({ model: 'qwen', conversationId: 'c1', messages: [{ role: 'user', content: 'two' }] });
    expect(requests[1]?.messages).toEqual([
      { role: 'user', content: 'one' },
      { role: 'assistant', content: 're:one' },
      { role: 'user', content: 'two' },
    ]);
    await expect(memory.load('c1')).resolves.toHaveLength(4);
  });

  it('serves a repeated deterministic request from the cache without accounting tokens again', async () => {
    const { backend, requests } = echoBackend();
    const tokens = inMemoryTokenLedger();
    const cache = metadataCompletionCache(new MetadataCache<Completion>({ ttlMs: 60_000, maxEntries: 10 }));
    const gateway = createLlmGateway({ backends: [backend], tokens, cache });
    const request = { model: 'qwen', temperature: 0, messages: [{ role: 'user' as const, content: 'same' }] };
    expect((await gateway.routerComplete(request)).cached).toBe(false);
    expect((await gateway.routerComplete(request)).cached).toBe(true);
    await gateway.routerComplete({ ...request, temperature: 0.7 });
    expect(requests).toHaveLength(2);
    expect(tokens.totals('system')).toEqual({ promptTokens: 20, completionTokens: 10 });
  });

  it.each([
    ['no prompt and no message', { model: 'qwen' }, 'ASW-502 a request to model "qwen" needs a prompt or at least one message.'],
    [
      'an unknown prompt',
      { model: 'qwen', prompt: { id: 'translate' } },
      'ASW-502 prompt "translate" is not in the prompt library (known: summarise).',
    ],
    [
      'a missing variable',
      { model: 'qwen', prompt: { id: 'summarise', variables: { kind: 'news' } } },
      'ASW-502 prompt "summarise" needs variable "text".',
    ],
    [
      'a model no backend serves',
      { model: 'gpt', messages: [{ role: 'user' as const, content: 'x' }] },
      'routerComplete: no backend serves this model (model "gpt")',
    ],
  ])('refuses %s', async (_, request, message) => {
    const gateway = createLlmGateway({ backends: [echoBackend().backend], tokens: inMemoryTokenLedger(), prompts });
    await expect(gateway.routerComplete(request)).rejects.toThrow(message);
  });
});

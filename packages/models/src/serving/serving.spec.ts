import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { routerComplete } from '@alphaswarm/monolith-primitives';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ServingError } from './http-json.js';
import { servingBackend } from './llm-backend.js';
import { OllamaClient } from './ollama-client.js';
import { VllmRunnerClient } from './vllm-runner.js';

interface Seen {
  method: string;
  url: string;
  authorization: string | undefined;
  body: unknown;
}

/** A loopback server speaking the OpenAI-compatible (vLLM) and Ollama protocols. */
function protocolServer() {
  const seen: Seen[] = [];
  let override: { status: number; body: string } | undefined;
  const send = (response: ServerResponse, status: number, body: unknown) => {
    response.writeHead(status, { 'content-type': 'application/json' });
    response.end(typeof body === 'string' ? body : JSON.stringify(body));
  };
  const handle = (request: IncomingMessage, text: string, response: ServerResponse) => {
    const body = text ? (JSON.parse(text) as Record<string, unknown>) : undefined;
    seen.push({ method: request.method ?? '', url: request.url ?? '', authorization: request.headers.authorization, body });
    if (override) return send(response, override.status, override.body);
    const route = `${request.method} ${request.url}`;
    const messages = (body?.messages ?? []) as { content: string }[];
    const last = messages.at(-1)?.content ?? '';
    switch (route) {
      case 'GET /v1/models':
        return send(response, 200, { object: 'list', data: [{ id: 'qwen2.5-7b', object: 'model' }] });
      case 'POST /v1/chat/completions':
        return send(response, 200, {
          id: 'chatcmpl-1',
          object: 'chat.completion',
          model: body?.model,
          choices: [{ index: 0, message: { role: 'assistant', content: `vllm:${last}` }, finish_reason: 'stop' }],
          usage: { prompt_tokens: 11, completion_tokens: 3, total_tokens: 14 },
        });
      case 'GET /api/tags':
        return send(response, 200, { models: [{ name: 'llama3.2:1b' }, { name: 'qwen2.5:0.5b' }] });
      case 'POST /api/pull':
        return send(response, 200, { status: 'success' });
      case 'POST /api/chat':
        return send(response, 200, {
          model: body?.model,
          message: { role: 'assistant', content: `ollama:${last}` },
          done: true,
          prompt_eval_count: 7,
          eval_count: 2,
        });
      default:
        return send(response, 404, { error: `no route ${route}` });
    }
  };
  const server: Server = createServer((request, response) => {
    let text = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (text += chunk));
    request.on('end', () => handle(request, text, response));
  });
  return {
    seen,
    server,
    answer: (status: number, body: string) => (override = { status, body }),
    reset: () => {
      seen.length = 0;
      override = undefined;
    },
  };
}

const local = protocolServer();
let baseUrl = '';

beforeAll(async () => {
  await new Promise<void>((resolve) => local.server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(local.server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => local.server.close(() => resolve())));
beforeEach(() => local.reset());

describe('VllmRunnerClient (OpenAI-compatible HTTP)', () => {
  it('lists served models', async () => {
    await expect(new VllmRunnerClient({ baseUrl }).listModels()).resolves.toEqual(['qwen2.5-7b']);
  });

  it('sends a chat completion with the API key and returns content and token counts', async () => {
    const client = new VllmRunnerClient({ baseUrl: `${baseUrl}/`, apiKey: 'k-1' });
    await expect(client.chat('qwen2.5-7b', [{ role: 'user', content: 'hi' }], { maxTokens: 8, temperature: 0 })).resolves.toEqual({
      model: 'qwen2.5-7b',
      content: 'vllm:hi',
      promptTokens: 11,
      completionTokens: 3,
    });
    expect(local.seen).toEqual([
      {
        method: 'POST',
        url: '/v1/chat/completions',
        authorization: 'Bearer k-1',
        body: { model: 'qwen2.5-7b', messages: [{ role: 'user', content: 'hi' }], max_tokens: 8, temperature: 0, stream: false },
      },
    ]);
  });

  it.each([
    [500, '{"error":"out of memory"}', 'POST /v1/chat/completions answered 500: {"error":"out of memory"}'],
    [200, 'not json', 'POST /v1/chat/completions answered a body that is not JSON'],
    [200, '{"model":"m","choices":[]}', 'vLLM: completion answered without choices[0].message.content'],
  ])('turns status %i with body %s into a ServingError', async (status, body, message) => {
    local.answer(status, body);
    const failure = new VllmRunnerClient({ baseUrl }).chat('m', [{ role: 'user', content: 'x' }]);
    await expect(failure).rejects.toThrow(ServingError);
    await expect(failure).rejects.toThrow(message);
  });
});

describe('OllamaClient', () => {
  it('lists local models and pulls one', async () => {
    const client = new OllamaClient({ baseUrl });
    await expect(client.listModels()).resolves.toEqual(['llama3.2:1b', 'qwen2.5:0.5b']);
    await expect(client.pull('llama3.2:1b')).resolves.toBe('success');
    expect(local.seen.at(-1)).toMatchObject({ url: '/api/pull', body: { model: 'llama3.2:1b', stream: false } });
  });

  it('sends a non-streaming chat with num_predict and maps the token counts', async () => {
    const result = await new OllamaClient({ baseUrl }).chat('llama3.2:1b', [{ role: 'user', content: 'yo' }], { maxTokens: 5 });
    expect(result).toEqual({ model: 'llama3.2:1b', content: 'ollama:yo', promptTokens: 7, completionTokens: 2 });
    expect(local.seen[0]?.body).toEqual({
      model: 'llama3.2:1b',
      messages: [{ role: 'user', content: 'yo' }],
      stream: false,
      options: { num_predict: 5 },
    });
  });

  it('reports the status of a failed request', async () => {
    local.answer(404, '{"error":"model \\"x\\" not found"}');
    await expect(new OllamaClient({ baseUrl }).chat('x', [{ role: 'user', content: 'q' }])).rejects.toMatchObject({
      name: 'ServingError',
      status: 404,
    });
  });
});

describe('servingBackend', () => {
  it('lets the LLM gateway route to the serving clients, falling back when one fails', async () => {
    const broken = servingBackend('vllm', new VllmRunnerClient({ baseUrl: 'http://127.0.0.1:9', timeoutMs: 2000 }), ['llama3.2:1b']);
    const ollama = servingBackend('ollama', new OllamaClient({ baseUrl }), ['llama3.2:1b']);
    await expect(
      routerComplete({ model: 'llama3.2:1b', messages: [{ role: 'user', content: 'ping' }] }, [broken, ollama]),
    ).resolves.toEqual({
      model: 'llama3.2:1b',
      backend: 'ollama',
      content: 'ollama:ping',
      usage: { promptTokens: 7, completionTokens: 2 },
    });
  });
});

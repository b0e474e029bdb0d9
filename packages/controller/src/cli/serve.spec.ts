import { describe, expect, it } from 'vitest';
import { serve } from './serve.js';

describe('serve', () => {
  it('listens on a free port, answers over real HTTP and closes', async () => {
    const controller = await serve({ port: 0, host: '127.0.0.1', logLevel: 'silent' });
    expect(controller.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(controller.url).not.toBe('http://127.0.0.1:0');
    const response = await fetch(`${controller.url}/manage/session`, {
      headers: { 'x-alphaswarm-tenant': 'acme', 'x-alphaswarm-principal': 'ada', 'x-alphaswarm-roles': 'viewer' },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      principal: { id: 'ada', tenantId: 'acme' },
      permissions: ['session:read', 'workload:read', 'control:read'],
    });
    await controller.close();
    await expect(fetch(`${controller.url}/manage/session`)).rejects.toThrow('fetch failed');
  });
});

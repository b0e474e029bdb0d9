// @vitest-environment node
import { EventEmitter } from 'node:events';
import type { ConfigEnv, Plugin, PreviewServer, UserConfig } from 'vite';
import { describe, expect, it } from 'vitest';
import { controllerProxy } from './controller-proxy.js';
import type { StartControllerOptions, StartedController } from './start-controller.js';

type ConfigHook = (config: UserConfig, env: ConfigEnv) => Promise<UserConfig>;
const serveEnv: ConfigEnv = { command: 'serve', mode: 'development' };
const configOf = (plugin: Plugin) => (plugin.config as ConfigHook)({}, serveEnv);

/** A starter that records its calls and hands out a controller whose stops are counted. */
function fakeStarter(url = 'http://127.0.0.1:40123') {
  const calls: StartControllerOptions[] = [];
  let stops = 0;
  const start = async (options: StartControllerOptions): Promise<StartedController> => {
    calls.push(options);
    return {
      url,
      output: () => '',
      stop: async () => void stops++,
      terminate: () => undefined,
    };
  };
  return { start, calls, stops: () => stops };
}

describe('controllerProxy', () => {
  it('applies to the dev server and preview only', () => {
    expect(controllerProxy({ cwd: '/ws', start: fakeStarter().start, log: () => undefined }).apply).toBe('serve');
  });

  it('forwards /manage to the controller ALPHASWARM_CONTROLLER_URL names, and starts none', async () => {
    const starter = fakeStarter();
    const lines: string[] = [];
    const plugin = controllerProxy({
      cwd: '/ws',
      env: { ALPHASWARM_CONTROLLER_URL: 'http://127.0.0.1:4100/manage/session' },
      start: starter.start,
      log: (line) => lines.push(line),
    });
    const proxy = { '/manage': { target: 'http://127.0.0.1:4100' } };
    expect(await configOf(plugin)).toEqual({ server: { proxy }, preview: { proxy } });
    expect(starter.calls).toEqual([]);
    expect(lines).toEqual(['operator-ui: /manage/* goes to the controller at http://127.0.0.1:4100 (ALPHASWARM_CONTROLLER_URL)\n']);
  });

  it.each(['localhost:4100', 'not a url', 'ftp://127.0.0.1:4100'])(
    'refuses %s as the controller URL, naming the variable and the fix',
    async (url) => {
      const plugin = controllerProxy({
        cwd: '/ws',
        env: { ALPHASWARM_CONTROLLER_URL: url },
        start: fakeStarter().start,
        log: () => undefined,
      });
      await expect(configOf(plugin)).rejects.toThrow(
        `ASW-250: ALPHASWARM_CONTROLLER_URL="${url}" is not an http(s) URL: give the controller's, e.g. ALPHASWARM_CONTROLLER_URL=http://127.0.0.1:4100`,
      );
    },
  );

  it('starts a controller when none is named, forwards to it and stops it with the server', async () => {
    const starter = fakeStarter('http://127.0.0.1:40999');
    const plugin = controllerProxy({ cwd: '/ws/packages/operator-ui', env: {}, start: starter.start, log: () => undefined });
    const proxy = { '/manage': { target: 'http://127.0.0.1:40999' } };
    expect(await configOf(plugin)).toEqual({ server: { proxy }, preview: { proxy } });
    expect(starter.calls).toEqual([{ cwd: '/ws/packages/operator-ui', onOutput: expect.any(Function), stopOnExit: true }]);
    const httpServer = new EventEmitter();
    (plugin.configurePreviewServer as (server: PreviewServer) => void)({ httpServer } as unknown as PreviewServer);
    httpServer.emit('close');
    await new Promise((resolve) => setImmediate(resolve));
    expect(starter.stops()).toBe(1);
  });

  it('says how to use a running controller when it cannot start one', async () => {
    const plugin = controllerProxy({
      cwd: '/ws',
      env: {},
      start: async () => {
        throw new Error('nx run controller:serve ended (exit code 1) before the controller listened');
      },
      log: () => undefined,
    });
    await expect(configOf(plugin)).rejects.toThrow(
      'ASW-251: the controller did not start (nx run controller:serve ended (exit code 1) before the controller listened). If one already runs on this data directory (ASW-219), point the UI at it instead: ALPHASWARM_CONTROLLER_URL=http://127.0.0.1:4100 pnpm nx serve operator-ui',
    );
  });
});

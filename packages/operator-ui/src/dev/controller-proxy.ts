import type { Plugin, ProxyOptions } from 'vite';
import { OPERATOR_UI_ERROR_CODES, OperatorUiError } from './operator-ui-error.js';
import { startController, type StartedController } from './start-controller.js';

/** The environment variable that names a controller already running, e.g. `http://127.0.0.1:4100`. */
export const CONTROLLER_URL_VARIABLE = 'ALPHASWARM_CONTROLLER_URL';

/** Options of {@link controllerProxy}. */
export interface ControllerProxyOptions {
  /** A folder inside the workspace, for Nx to find it when a controller must be started. */
  readonly cwd: string;
  /** Where the variables come from; `process.env` by default. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** How a controller is started; {@link startController} by default. */
  readonly start?: typeof startController;
  /** Where progress goes; stderr by default. */
  readonly log?: (line: string) => void;
}

/**
 * Vite's dev server and `vite preview` forward `/manage/*` to a controller: the one
 * `ALPHASWARM_CONTROLLER_URL` names, or else one started through Nx (`nx run controller:serve`
 * on a free port, with the controller's own defaults) and stopped with the server. The page then
 * calls its own origin, as it does behind the production web server.
 */
export function controllerProxy({
  cwd,
  env = process.env,
  start = startController,
  log = (line) => process.stderr.write(line),
}: ControllerProxyOptions): Plugin {
  let started: StartedController | undefined;
  const stop = async () => {
    await started?.stop();
    started = undefined;
  };
  return {
    name: 'alphaswarm-controller-proxy',
    apply: 'serve',
    async config() {
      const given = env[CONTROLLER_URL_VARIABLE];
      let target: string;
      if (given) {
        target = originOf(given);
        log(`operator-ui: /manage/* goes to the controller at ${target} (${CONTROLLER_URL_VARIABLE})\n`);
      } else {
        log(`operator-ui: starting a controller (nx run controller:serve); set ${CONTROLLER_URL_VARIABLE} to use one already running\n`);
        started = await start({ cwd, onOutput: log, stopOnExit: true }).catch((error: unknown) => {
          throw new OperatorUiError(
            OPERATOR_UI_ERROR_CODES.controllerDidNotStart,
            `the controller did not start (${error instanceof Error ? error.message : String(error)}). If one already runs on this data directory (ASW-219), point the UI at it instead: ${CONTROLLER_URL_VARIABLE}=http://127.0.0.1:4100 pnpm nx serve operator-ui`,
            { cause: error },
          );
        });
        target = started.url;
        log(`operator-ui: /manage/* goes to the controller this server started at ${target}\n`);
      }
      const proxy: Record<string, ProxyOptions> = { '/manage': { target } };
      return { server: { proxy }, preview: { proxy } };
    },
    configureServer(server) {
      server.httpServer?.once('close', () => void stop());
    },
    configurePreviewServer(server) {
      server.httpServer.once('close', () => void stop());
    },
  };
}

/** The origin of an http(s) URL (`localhost:4100` parses as a URL of scheme `localhost:`, and is refused). */
function originOf(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.protocol === 'http:' || parsed.protocol === 'https:') return parsed.origin;
  } catch {
    // Not a URL at all: refused below, as is a URL of another scheme.
  }
  throw new OperatorUiError(
    OPERATOR_UI_ERROR_CODES.badControllerUrl,
    `${CONTROLLER_URL_VARIABLE}="${url}" is not an http(s) URL: give the controller's, e.g. ${CONTROLLER_URL_VARIABLE}=http://127.0.0.1:4100`,
  );
}

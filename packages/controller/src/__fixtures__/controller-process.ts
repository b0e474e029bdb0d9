import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { existsSync } from 'node:fs';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

/** The built controller executable; the e2e target builds it first. */
export const CONTROLLER_MAIN = fileURLToPath(new URL('../../dist/main.js', import.meta.url));

/** A controller running as its own process. */
export interface ControllerProcess {
  readonly url: string;
  readonly child: ChildProcessWithoutNullStreams;
  /** Everything it printed so far. */
  output(): string;
  /** Send `signal` and wait for the process to end. */
  stop(signal: NodeJS.Signals): Promise<void>;
}

/** Start `dist/main.js` with `args`; resolves once it prints the URL it listens on. */
export async function startController(args: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<ControllerProcess> {
  if (!existsSync(CONTROLLER_MAIN))
    throw new Error(`${CONTROLLER_MAIN} is missing: run \`pnpm nx build controller\` (the e2e target does)`);
  const child = spawn(process.execPath, [CONTROLLER_MAIN, '--port', '0', ...args], { stdio: 'pipe', env });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const take = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match?.[1]) resolve(match[1]);
    };
    child.stdout.on('data', take);
    child.stderr.on('data', take);
    child.once('exit', (code, signal) => reject(new Error(`the controller ended (${code ?? signal}) before listening:\n${output}`)));
  });
  return {
    url,
    child,
    output: () => output,
    stop: async (signal) => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, 'exit');
      child.kill(signal);
      await exited;
    },
  };
}

/** `fetch` JSON with identity headers for `tenant`, `roles` and `principal`. */
export async function call(
  url: string,
  method: string,
  path: string,
  identity: { tenant: string; roles: string; principal?: string },
  body?: unknown,
): Promise<{ status: number; json: unknown }> {
  const response = await fetch(`${url}${path}`, {
    method,
    headers: {
      'x-alphaswarm-tenant': identity.tenant,
      'x-alphaswarm-principal': identity.principal ?? 'ada',
      'x-alphaswarm-roles': identity.roles,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, json: text ? (JSON.parse(text) as unknown) : undefined };
}

import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createRequire } from 'node:module';

/** A controller this process started through Nx, listening on loopback. */
export interface StartedController {
  /** Where it listens, as it printed it: `http://127.0.0.1:<port>`. */
  readonly url: string;
  /** Everything Nx and the controller printed so far. */
  output(): string;
  /** SIGTERM to the whole process group (Nx, the shell, the controller), SIGKILL after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
  /** SIGTERM to the whole process group without waiting: for a process that is exiting. */
  terminate(): void;
}

/** Options of {@link startController}. */
export interface StartControllerOptions {
  /** Any folder inside the workspace; Nx finds the workspace root from it. */
  readonly cwd: string;
  /** Arguments for the controller (`--data-dir`, `--provider`, …); `--port=0` comes first, so any free port. */
  readonly args?: readonly string[];
  /** Give up (and stop what started) after this long; building the controller first can take a minute. */
  readonly timeoutMs?: number;
  /** Gets every chunk Nx and the controller print, e.g. to show progress. */
  readonly onOutput?: (chunk: string) => void;
  /**
   * Stop the controller when this process exits or gets SIGINT, SIGTERM or SIGHUP (it runs in a
   * process group of its own, so a terminal's Ctrl-C does not reach it). For a dev server; a test
   * stops what it started itself.
   */
  readonly stopOnExit?: boolean;
}

/**
 * Start the controller the way a person does, by its Nx project name (`nx run controller:serve`,
 * which builds it first), never by importing it or reaching into its folder: the client domain
 * talks to the controller over HTTP only. Resolves once it prints the URL it listens on.
 */
export async function startController({
  cwd,
  args = [],
  timeoutMs = 180_000,
  onOutput,
  stopOnExit = false,
}: StartControllerOptions): Promise<StartedController> {
  const nx = createRequire(import.meta.url).resolve('nx/bin/nx.js');
  const child = spawn(process.execPath, [nx, 'run', 'controller:serve', '--outputStyle=stream-without-prefixes', '--port=0', ...args], {
    cwd,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false', FORCE_COLOR: '0' },
  });
  let output = '';
  const stop = (graceMs = 10_000) => stopGroup(child, graceMs);
  const terminate = () => {
    if (child.pid !== undefined) signalGroup(child.pid, 'SIGTERM');
  };
  if (stopOnExit) {
    process.once('exit', terminate);
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
      process.once(signal, () => {
        terminate();
        // Exit as the signal would have, unless someone else (Vite) handles it.
        if (process.listenerCount(signal) === 0) process.exit(128 + (signal === 'SIGHUP' ? 1 : signal === 'SIGINT' ? 2 : 15));
      });
    }
  }
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`the controller did not start within ${timeoutMs} ms:\n${output.slice(-4000)}`)),
        timeoutMs,
      );
      const read = (chunk: Buffer) => {
        const text = chunk.toString();
        output += text;
        onOutput?.(text);
        const match = /listening on (http:\/\/\S+)/.exec(output);
        if (match?.[1]) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      };
      child.stdout?.on('data', read);
      child.stderr?.on('data', read);
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(
          new Error(
            `nx run controller:serve ended (${signal ?? `exit code ${code}`}) before the controller listened:\n${output.slice(-4000)}`,
          ),
        );
      });
    });
    return { url, output: () => output, stop, terminate };
  } catch (error) {
    await stop(2_000);
    throw error;
  }
}

async function stopGroup(child: ChildProcess, graceMs: number): Promise<void> {
  const pid = child.pid;
  if (pid === undefined || !groupAlive(pid)) return;
  signalGroup(pid, 'SIGTERM');
  // The controller closes its database on SIGTERM: wait for every process of the group, not only Nx.
  for (const deadline = Date.now() + graceMs; groupAlive(pid) && Date.now() < deadline;)
    await new Promise((resolve) => setTimeout(resolve, 100));
  if (groupAlive(pid)) signalGroup(pid, 'SIGKILL');
  if (child.exitCode === null && child.signalCode === null) await once(child, 'exit');
}

/** True while any process of the group `pid` leads is alive. */
function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}

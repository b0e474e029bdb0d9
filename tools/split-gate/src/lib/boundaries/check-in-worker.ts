import { Worker } from 'node:worker_threads';
import type { WorkspaceCheck } from '@alphaswarm/policy';

/** What the worker is asked to check. */
export interface CheckRequest {
  readonly root: string;
  /** Reuse the specifiers of sources read before (`SpecifierCache`), and save this run's. */
  readonly cache: boolean;
}

/** The engine's verdict, and how the specifier cache did (undefined when it was not used). */
export interface CheckResult {
  readonly report: WorkspaceCheck;
  readonly cache: { readonly hits: number; readonly misses: number; readonly saved: boolean } | undefined;
}

/** A whole-workspace check running in a worker thread. */
export interface RunningCheck {
  /** The verdict, or the error the worker stopped with. */
  readonly result: Promise<CheckResult>;
  /** Stop the worker (when its verdict is no longer wanted); resolves once it has stopped. */
  stop(): Promise<void>;
}

/**
 * Start the engine's whole-workspace check (`checkWorkspace`: project discovery, every source
 * read and judged) in a worker thread, so that it runs while the caller computes the Nx project
 * graph it compares the engine's projects with: on two cores `pnpm boundaries` then waits for the
 * slower of the two instead of both. The verdict is the same as in this thread; only where it is
 * computed differs. Needs the built worker module beside this one (`dist/`).
 */
export function checkInWorker(request: CheckRequest): RunningCheck {
  const worker = new Worker(new URL('./check-workspace-worker.js', import.meta.url), { workerData: request });
  const result = new Promise<CheckResult>((resolve, reject) => {
    let settled = false;
    worker.once('message', (message: CheckResult) => {
      settled = true;
      resolve(message);
    });
    worker.once('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`the boundary check's worker thread exited with code ${code} before its verdict`));
    });
  });
  // The caller may stop waiting (Nx failed first); the error is then reported by the caller, not here.
  result.catch(() => undefined);
  return {
    result,
    stop: async () => {
      await worker.terminate();
    },
  };
}

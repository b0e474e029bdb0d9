import { randomUUID } from 'node:crypto';
import { progress, registry, type RequestContext } from '@alphaswarm/monolith-primitives';
import { MonolithError } from '../monolith-error.js';
import { register, type RegisteredComponent } from '../registry/register.js';

/**
 * The four spec runtimes the monolith orchestrates: bot specs (bots' BotRuntime), RL experiment
 * specs (rl's RLRuntime), model experiment specs (models: Predictor Hub, walk-forward) and
 * backtest specs (the monolith's backtests).
 */
export type SpecKind = 'bot' | 'rl-experiment' | 'model-experiment' | 'backtest';

/** The orchestration contract a spec runtime implements. */
export interface SpecRuntime<TSpec = unknown, TResult = unknown> {
  readonly kind: SpecKind;
  /**
   * Validate raw spec data (as read from YAML or JSON) into the runtime's spec type.
   *
   * @throws any error when the spec is invalid; its message is shown to the submitter.
   */
  parse(raw: unknown): TSpec;
  /** The spec's content address (a lock or a published version digest), recorded with the run. */
  digest(spec: TSpec): string;
  run(spec: TSpec, context: RequestContext): Promise<TResult>;
}

/** The record of one orchestrated run. */
export interface SpecRun<TResult = unknown> {
  readonly runId: string;
  readonly kind: SpecKind;
  readonly digest: string;
  readonly tenantId: string;
  readonly requestId: string;
  readonly status: 'succeeded' | 'failed';
  readonly result?: TResult;
  readonly error?: string;
  readonly startedAt: Date;
  readonly finishedAt: Date;
}

/** The shared orchestration: one entry point for every spec kind. */
export interface SpecOrchestrator {
  /** Register the runtime for its kind in the central registry (kind `spec-runtime`). */
  register<TSpec, TResult>(runtime: SpecRuntime<TSpec, TResult>): RegisteredComponent<SpecRuntime<TSpec, TResult>>;
  /**
   * Parse, run under the caller's context, report progress and record the run. A runtime's
   * failure becomes a `failed` run; an invalid spec or an unknown kind is refused.
   *
   * @throws MonolithError ASW-503 for an invalid spec, ASW-504 when no runtime serves the kind.
   */
  submit(kind: SpecKind, raw: unknown, context: RequestContext): Promise<SpecRun>;
}

/** Where finished runs go (implemented by persistence). */
export interface SpecRunSink {
  record(run: SpecRun): Promise<void>;
}

/** What the orchestrator is built from. */
export interface SpecOrchestratorOptions {
  readonly runs: SpecRunSink;
  readonly now?: () => Date;
  readonly newRunId?: () => string;
}

const runtimeKind = 'spec-runtime';

/** The shared orchestration of the spec runtimes, on the central registry and the primitives. */
export function createSpecOrchestrator(options: SpecOrchestratorOptions): SpecOrchestrator {
  const now = options.now ?? (() => new Date());
  const newRunId = options.newRunId ?? randomUUID;
  return {
    register: (runtime) => register({ kind: runtimeKind, name: runtime.kind }, () => runtime),
    async submit(kind, raw, context) {
      if (!registry.has({ kind: runtimeKind, name: kind })) {
        throw new MonolithError(
          'ASW-504',
          `no runtime is registered for "${kind}" specs (registered: ${registry.list(runtimeKind).join(', ') || 'none'}).`,
        );
      }
      const runtime = registry.create<SpecRuntime>({ kind: runtimeKind, name: kind });
      let spec: unknown;
      try {
        spec = runtime.parse(raw);
      } catch (error) {
        throw new MonolithError('ASW-503', `the ${kind} spec is invalid: ${error instanceof Error ? error.message : String(error)}`, {
          cause: error,
        });
      }
      const runId = newRunId();
      const job = `${kind}/${runId}`;
      const startedAt = now();
      progress.emit({ job, stage: 'started', fraction: 0 });
      const outcome = await context
        .run(() => runtime.run(spec, context))
        .then(
          (result) => ({ status: 'succeeded' as const, result }),
          (error: unknown) => ({ status: 'failed' as const, error: error instanceof Error ? error.message : String(error) }),
        );
      const run: SpecRun = {
        runId,
        kind,
        digest: runtime.digest(spec),
        tenantId: context.tenantId,
        requestId: context.requestId,
        ...outcome,
        startedAt,
        finishedAt: now(),
      };
      await options.runs.record(run);
      progress.emit({ job, stage: run.status, fraction: 1 });
      return run;
    },
  };
}

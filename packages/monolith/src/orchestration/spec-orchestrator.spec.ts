import { progress, RequestContext, type ProgressEvent } from '@alphaswarm/monolith-primitives';
import { afterEach, describe, expect, it } from 'vitest';
import type { RegisteredComponent } from '../registry/register.js';
import { createSpecOrchestrator, type SpecRun, type SpecRuntime } from './spec-orchestrator.js';

interface BacktestSpec {
  readonly symbol: string;
  readonly days: number;
}

const backtestRuntime: SpecRuntime<BacktestSpec, { pnl: number; tenant: string }> = {
  kind: 'backtest',
  parse(raw) {
    const spec = raw as Partial<BacktestSpec>;
    if (typeof spec.symbol !== 'string' || typeof spec.days !== 'number')
      throw new TypeError('symbol (string) and days (number) are required');
    return { symbol: spec.symbol, days: spec.days };
  },
  digest: (spec) => `${spec.symbol}:${spec.days}`,
  async run(spec) {
    if (spec.days > 365) throw new Error('no data before 2025');
    return { pnl: spec.days * 2, tenant: RequestContext.current().tenantId };
  },
};

const context = new RequestContext({ requestId: 'req-9', tenantId: 'acme', principal: 'ops' });
const clock = () => {
  let tick = 0;
  return () => new Date(Date.UTC(2026, 4, 1, 0, 0, tick++));
};

describe('spec orchestration', () => {
  const handles: RegisteredComponent<unknown>[] = [];
  afterEach(() => handles.splice(0).forEach((handle) => handle.unregister()));
  const setup = () => {
    const runs: SpecRun[] = [];
    const orchestrator = createSpecOrchestrator({
      runs: { record: async (run) => void runs.push(run) },
      now: clock(),
      newRunId: () => 'run-1',
    });
    handles.push(orchestrator.register(backtestRuntime));
    return { runs, orchestrator };
  };

  it('parses, runs under the caller context, records the run and reports progress', async () => {
    const { runs, orchestrator } = setup();
    const events: ProgressEvent[] = [];
    const stop = progress.subscribe((event) => events.push(event));
    const run = await orchestrator.submit('backtest', { symbol: 'BTC-USD', days: 30 }, context);
    stop();
    expect(run).toEqual({
      runId: 'run-1',
      kind: 'backtest',
      digest: 'BTC-USD:30',
      tenantId: 'acme',
      requestId: 'req-9',
      status: 'succeeded',
      result: { pnl: 60, tenant: 'acme' },
      startedAt: new Date('2026-05-01T00:00:00Z'),
      finishedAt: new Date('2026-05-01T00:00:01Z'),
    });
    expect(runs).toEqual([run]);
    expect(events.map((event) => [event.job, event.stage, event.fraction])).toEqual([
      ['backtest/run-1', 'started', 0],
      ['backtest/run-1', 'succeeded', 1],
    ]);
  });

  it('records a runtime failure as a failed run', async () => {
    const { runs, orchestrator } = setup();
    await expect(orchestrator.submit('backtest', { symbol: 'BTC-USD', days: 400 }, context)).resolves.toMatchObject({
      status: 'failed',
      error: 'no data before 2025',
    });
    expect(runs.map((run) => run.status)).toEqual(['failed']);
  });

  it('refuses an invalid spec without running or recording it', async () => {
    const { runs, orchestrator } = setup();
    await expect(orchestrator.submit('backtest', { symbol: 'BTC-USD' }, context)).rejects.toThrow(
      'ASW-503 the backtest spec is invalid: symbol (string) and days (number) are required',
    );
    expect(runs).toEqual([]);
  });

  it('refuses a kind without a runtime and a second runtime for a kind', async () => {
    const { orchestrator } = setup();
    await expect(orchestrator.submit('rl-experiment', {}, context)).rejects.toThrow(
      'ASW-504 no runtime is registered for "rl-experiment" specs (registered: backtest).',
    );
    expect(() => orchestrator.register(backtestRuntime)).toThrow('spec-runtime/backtest is already registered');
  });
});

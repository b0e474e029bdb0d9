import { beforeEach, describe, expect, it, vi } from 'vitest';
import { appendArrow, type IcebergTableWriter } from './append-arrow.js';
import { LedgerWriter, type LedgerRecord } from './ledger-writer.js';
import { MetadataCache } from './metadata-cache.js';
import { progress, type ProgressEvent } from './progress.js';
import { createRegistry, registry, type Registry } from './registry.js';
import { RequestContext } from './request-context.js';
import { RiskLimits } from './risk-limits.js';
import { routerComplete, RouterError, type LlmBackend } from './router-complete.js';
import { TargetWeightsRebalancer } from './target-weights-rebalancer.js';

describe('appendArrow', () => {
  const writer = (): IcebergTableWriter & { rows: unknown[] } => {
    const rows: unknown[] = [];
    return { rows, commitAppend: async (_table, batch) => (rows.push(...batch), `snap-${rows.length}`) };
  };
  const schema = [
    { name: 'symbol', type: 'utf8' },
    { name: 'qty', type: 'int64' },
  ] as const;

  it('turns columns into rows and commits one snapshot', async () => {
    const target = writer();
    await expect(appendArrow(target, 'trades.fills', { schema, columns: { symbol: ['A', 'B'], qty: [1, 2] } })).resolves.toEqual({
      table: 'trades.fills',
      rowCount: 2,
      snapshotId: 'snap-2',
    });
    expect(target.rows).toEqual([
      { symbol: 'A', qty: 1 },
      { symbol: 'B', qty: 2 },
    ]);
  });

  it.each([
    ['a ragged batch', { symbol: ['A'], qty: [1, 2] }, 'ragged batch, column lengths 1 / 2'],
    ['a missing column', { symbol: ['A'] }, 'missing column(s): qty'],
    ['an extra column', { symbol: ['A'], qty: [1], px: [1.5] }, 'columns not in the schema: px'],
    ['a wrong type', { symbol: ['A'], qty: ['1'] }, 'column "qty" row 0 is not int64'],
    ['a null in a non-nullable column', { symbol: [null], qty: [1] }, 'column "symbol" row 0 is not utf8'],
  ])('refuses %s and writes nothing', async (_, columns, message) => {
    const target = writer();
    await expect(appendArrow(target, 'trades.fills', { schema, columns })).rejects.toThrow(message);
    expect(target.rows).toEqual([]);
  });

  it('refuses a table name that is not lower_snake_case', async () => {
    await expect(appendArrow(writer(), 'Trades', { schema, columns: { symbol: [], qty: [] } })).rejects.toThrow(
      'invalid table name "Trades"',
    );
  });
});

describe('routerComplete', () => {
  const backend = (name: string, models: string[], fail = false): LlmBackend => ({
    name,
    supports: (model) => models.includes(model),
    complete: async (request) => {
      if (fail) throw new Error(`${name} is down`);
      return { model: request.model, content: `from ${name}`, usage: { promptTokens: 3, completionTokens: 2 } };
    },
  });
  const request = { model: 'llama3', messages: [{ role: 'user', content: 'hi' }] } as const;

  it('uses the first backend that serves the model', async () => {
    await expect(routerComplete(request, [backend('a', ['gpt']), backend('b', ['llama3'])])).resolves.toMatchObject({
      backend: 'b',
      content: 'from b',
    });
  });

  it('falls back when a backend fails', async () => {
    await expect(routerComplete(request, [backend('a', ['llama3'], true), backend('b', ['llama3'])])).resolves.toMatchObject({
      backend: 'b',
    });
  });

  it('reports every attempt when all fail', async () => {
    const failure = routerComplete(request, [backend('a', ['llama3'], true)]);
    await expect(failure).rejects.toThrow(RouterError);
    await expect(failure).rejects.toMatchObject({ attempts: [{ backend: 'a', error: 'a is down' }] });
  });

  it('says when no backend serves the model', async () => {
    await expect(routerComplete(request, [backend('a', ['gpt'])])).rejects.toThrow('no backend serves this model (model "llama3")');
  });
});

describe('LedgerWriter', () => {
  const posting = {
    tenantId: 't1',
    reference: 'r1',
    currency: 'USD',
    legs: [
      { account: 'cash', amountMinor: -100n },
      { account: 'fees', amountMinor: 100n },
    ],
  };

  it('numbers balanced postings in write order', async () => {
    const written: LedgerRecord[] = [];
    const ledger = new LedgerWriter({ append: async (record) => void written.push(record) }, () => new Date(0));
    await ledger.write(posting);
    await ledger.write({ ...posting, reference: 'r2' });
    expect(written.map((record) => [record.reference, record.sequence])).toEqual([
      ['r1', 1],
      ['r2', 2],
    ]);
  });

  it.each([
    [
      'unbalanced',
      {
        ...posting,
        legs: [
          { account: 'cash', amountMinor: -100n },
          { account: 'fees', amountMinor: 90n },
        ],
      },
      'unbalanced by -10',
    ],
    ['one-legged', { ...posting, legs: [{ account: 'cash', amountMinor: 0n }] }, 'needs two or more legs'],
  ])('refuses an %s posting', async (_, bad, message) => {
    await expect(new LedgerWriter({ append: async () => undefined }).write(bad)).rejects.toThrow(message);
  });

  it('refuses a reference written twice for the same tenant', async () => {
    const ledger = new LedgerWriter({ append: async () => undefined });
    await ledger.write(posting);
    await expect(ledger.write(posting)).rejects.toThrow('posting "r1" was already written');
  });
});

describe('RequestContext', () => {
  it('is the current context inside run, across awaits', async () => {
    const context = new RequestContext({ requestId: 'q1', tenantId: 't1', principal: 'ana', roles: ['operator'] });
    await context.run(async () => {
      await Promise.resolve();
      expect(RequestContext.current()).toBe(context);
      expect(RequestContext.current().hasRole('operator')).toBe(true);
    });
    expect(RequestContext.tryCurrent()).toBeUndefined();
  });

  it('throws outside of run and refuses an empty tenant', () => {
    expect(() => RequestContext.current()).toThrow('outside RequestContext.run()');
    expect(() => new RequestContext({ requestId: 'q', tenantId: '', principal: 'p' })).toThrow('tenantId is required');
  });
});

describe('progress', () => {
  it('delivers events to subscribers until they unsubscribe', () => {
    const seen: ProgressEvent[] = [];
    const stop = progress.subscribe((event) => seen.push(event));
    progress.emit({ job: 'train', stage: 'epoch', fraction: 0.5 });
    stop();
    progress.emit({ job: 'train', stage: 'epoch', fraction: 1 });
    expect(seen).toEqual([{ job: 'train', stage: 'epoch', fraction: 0.5 }]);
  });

  it('refuses a fraction outside 0..1', () => {
    expect(() => progress.emit({ job: 'j', stage: 's', fraction: 1.5 })).toThrow('fraction 1.5 of job "j" is outside 0..1');
  });
});

describe('MetadataCache', () => {
  it('expires entries after the TTL and evicts the least recently used', async () => {
    let now = 0;
    const cache = new MetadataCache<number>({ ttlMs: 10, maxEntries: 2, now: () => now });
    cache.set('a', 1);
    cache.set('b', 2);
    expect(cache.get('a')).toBe(1);
    cache.set('c', 3);
    expect([cache.get('a'), cache.get('b'), cache.get('c')]).toEqual([1, undefined, 3]);
    now = 10;
    expect(cache.get('a')).toBeUndefined();
    const load = vi.fn(async (key: string) => key.length);
    await expect(cache.getOrLoad('xyz', load)).resolves.toBe(3);
    await expect(cache.getOrLoad('xyz', load)).resolves.toBe(3);
    expect(load).toHaveBeenCalledTimes(1);
  });
});

describe('RiskLimits and TargetWeightsRebalancer', () => {
  const limits = new RiskLimits({ maxPositionWeight: 0.5, maxGrossExposure: 1.5, maxNetExposure: 1 });

  it('reports each broken limit', () => {
    expect(limits.check({ a: 0.6, b: -0.6, c: 0.4 })).toEqual([
      { limit: 'maxPositionWeight', instrument: 'a', value: 0.6, max: 0.5 },
      { limit: 'maxPositionWeight', instrument: 'b', value: 0.6, max: 0.5 },
      { limit: 'maxGrossExposure', value: 1.6, max: 1.5 },
    ]);
  });

  it('plans the trades that reach the target, skipping tiny ones', () => {
    const plan = new TargetWeightsRebalancer(limits, 0.01).plan({ a: 0.2, b: 0.3 }, { a: 0.4, b: 0.305, c: 0.1 });
    expect(plan.ok && plan.trades.map((trade) => [trade.instrument, Number(trade.delta.toFixed(3))])).toEqual([
      ['a', 0.2],
      ['c', 0.1],
    ]);
  });

  it('refuses a target that breaks the limits', () => {
    expect(new TargetWeightsRebalancer(limits).plan({}, { a: 0.9 })).toMatchObject({
      ok: false,
      violations: [{ limit: 'maxPositionWeight' }],
    });
  });
});

describe('registry', () => {
  let components: Registry;
  beforeEach(() => {
    components = createRegistry();
  });

  it('registers, creates and lists components', () => {
    components.register({ kind: 'rl.estimator', name: 'gae' }, (options) => ({ lambda: options['lambda'] ?? 0.95 }));
    expect(components.create({ kind: 'rl.estimator', name: 'gae' }, { lambda: 0.9 })).toEqual({ lambda: 0.9 });
    expect(components.list('rl.estimator')).toEqual(['gae']);
    expect(components.unregister({ kind: 'rl.estimator', name: 'gae' })).toBe(true);
    expect(components.has({ kind: 'rl.estimator', name: 'gae' })).toBe(false);
  });

  it('refuses a second registration and bad names', () => {
    components.register({ kind: 'rl.estimator', name: 'gae' }, () => 1);
    expect(() => components.register({ kind: 'rl.estimator', name: 'gae' }, () => 2)).toThrow('rl.estimator/gae is already registered');
    expect(() => components.register({ kind: 'rl.estimator', name: 'Bad Name' }, () => 2)).toThrow('invalid name "Bad Name"');
    expect(() => components.create({ kind: 'rl.estimator', name: 'missing' })).toThrow('nothing registered as rl.estimator/missing');
  });

  it('keeps each registry to itself, and the central one is a registry of the process', () => {
    components.register({ kind: 'rl.estimator', name: 'gae' }, () => 1);
    expect(createRegistry().has({ kind: 'rl.estimator', name: 'gae' })).toBe(false);
    expect(registry.has({ kind: 'rl.estimator', name: 'gae' })).toBe(false);
  });
});

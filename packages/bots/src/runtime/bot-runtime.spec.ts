import type { BotSpecV1 } from '@alphaswarm/core';
import { RequestContext, type ProgressEvent, progress } from '@alphaswarm/monolith-primitives';
import { beforeAll, describe, expect, it } from 'vitest';
import { registerBuiltinStrategies } from '../strategies/builtin-strategies.js';
import { parseBotSpecFile, readBotSpecSources } from '../templates/bot-spec-files.js';
import { readPublishedVersions } from '../versioning/published-versions.js';
import { createBotRuntime } from './bot-runtime.js';
import { resolvePublishedBot, type PublishedBot } from './published-bot.js';

const published = readPublishedVersions();
const specs = new Map(
  readBotSpecSources().map((source) => {
    const spec = parseBotSpecFile(source);
    return [spec.name, spec] as const;
  }),
);
const specOf = (name: string): BotSpecV1 => {
  const spec = specs.get(name);
  if (!spec) throw new Error(`no template ${name}`);
  return spec;
};
const context = new RequestContext({ requestId: 'r-1', tenantId: 'acme', principal: 'trader' });
const asOf = new Date('2026-05-01T00:00:00Z');
const market = { asOf, closes: { 'BTC-USD': [100, 110], 'ETH-USD': [100, 130], 'SOL-USD': [100, 90] } };

describe('BotRuntime', () => {
  beforeAll(() => registerBuiltinStrategies());

  it('runs a published bot: strategy target within the risk limits, as trades', async () => {
    const events: ProgressEvent[] = [];
    const stop = progress.subscribe((event) => events.push(event));
    const bot = resolvePublishedBot(specOf('momentum'), published);
    const result = await createBotRuntime().step(bot, { mode: 'paper', market, current: { 'BTC-USD': 0.5 } }, context);
    stop();
    expect(result).toMatchObject({ bot: 'momentum@1.0.0', digest: bot.digest, mode: 'paper', tenantId: 'acme' });
    expect(result.target['BTC-USD']).toBeCloseTo(0.25, 12);
    expect(result.target['ETH-USD']).toBeCloseTo(0.75, 12);
    expect(result.target['SOL-USD']).toBe(0);
    expect(result.plan).toEqual({
      ok: false,
      violations: [{ limit: 'maxPositionWeight', instrument: 'ETH-USD', value: result.target['ETH-USD'], max: 0.6 }],
    });
    expect(events.map((event) => [event.job, event.stage])).toEqual([['bots/momentum@1.0.0', 'refused']]);
  });

  it('plans the trades from the current weights', async () => {
    const bot = resolvePublishedBot(specOf('equal-weight'), published);
    const result = await createBotRuntime({ minTrade: 0.01 }).step(
      bot,
      { mode: 'live', market, current: { 'BTC-USD': 1 / 3, 'ETH-USD': 0.5 } },
      context,
    );
    expect(result.plan.ok && result.plan.trades.map((trade) => [trade.instrument, Number(trade.delta.toFixed(4))])).toEqual([
      ['ETH-USD', -0.1667],
      ['SOL-USD', 0.3333],
    ]);
  });

  it('refuses a mode the spec does not allow', async () => {
    const bot = resolvePublishedBot(specOf('btc-eth-reversion'), published);
    await expect(createBotRuntime().step(bot, { mode: 'live', market, current: {} }, context)).rejects.toThrow(
      'ASW-704 bot btc-eth-reversion@2.0.0 may run in backtest, not live; publish a version that allows it.',
    );
  });

  it.each([
    ['an unpublished version', { ...specOf('momentum'), version: '9.0.0' }, 'ASW-704 bot momentum version 9.0.0 is not published'],
    [
      'a changed published spec',
      { ...specOf('momentum'), universe: ['BTC-USD'] },
      'ASW-702 bot momentum version 1.0.0 is published and immutable: published sha256:',
    ],
  ])('will not resolve %s', (_, spec, message) => {
    expect(() => resolvePublishedBot(spec, published)).toThrow(message);
  });

  it('refuses a bot that did not come from resolvePublishedBot', async () => {
    const real = resolvePublishedBot(specOf('momentum'), published);
    const forged: PublishedBot = { spec: real.spec, digest: real.digest };
    await expect(createBotRuntime().step(forged, { mode: 'paper', market, current: {} }, context)).rejects.toThrow(
      'ASW-704 bot momentum@1.0.0 was not resolved from the published versions; use resolvePublishedBot().',
    );
  });
});

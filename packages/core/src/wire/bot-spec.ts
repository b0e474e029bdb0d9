import { z } from 'zod';

const botName = /^[a-z][a-z0-9-]{1,47}$/;
const semver = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?$/;
const componentName = /^[a-z][a-z0-9]*([.-][a-z0-9]+)*$/;
const instrument = /^[A-Z0-9][A-Z0-9._-]{0,31}$/;

/**
 * A bot specification, version 1: what a bot trades, with which strategy, under which risk
 * limits and in which run modes. Published bot versions are content-addressed from this shape,
 * so every field is part of a version's identity.
 */
export const BotSpecV1Schema = z
  .strictObject({
    apiVersion: z.literal('alphaswarm.bots/v1'),
    name: z.string().regex(botName, 'a bot name is 2-48 lowercase letters, digits or dashes, starting with a letter'),
    version: z.string().regex(semver, 'a bot version is a semantic version such as 1.2.0'),
    description: z.string().min(1).max(500),
    strategy: z.strictObject({
      kind: z.string().regex(componentName, 'a strategy kind is a registered component name such as mean-reversion'),
      params: z.record(z.string(), z.union([z.number(), z.string(), z.boolean()])),
    }),
    universe: z
      .array(z.string().regex(instrument, 'an instrument symbol is upper case, e.g. BTC-USD'))
      .min(1)
      .refine((symbols) => new Set(symbols).size === symbols.length, 'universe lists an instrument twice'),
    rebalance: z.enum(['hourly', 'daily', 'weekly']),
    risk: z.strictObject({
      maxPositionWeight: z.number().positive().max(1),
      maxGrossExposure: z.number().positive(),
      maxNetExposure: z.number().positive(),
    }),
    modes: z.array(z.enum(['backtest', 'paper', 'live'])).min(1),
  })
  .meta({
    id: 'BotSpec',
    version: 1,
    description: 'A bot specification: strategy, universe, rebalance cadence, risk limits and allowed run modes.',
  });

/** A bot specification, version 1 (see {@link BotSpecV1Schema}). */
export type BotSpecV1 = z.infer<typeof BotSpecV1Schema>;

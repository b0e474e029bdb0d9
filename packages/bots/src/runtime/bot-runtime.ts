import type { ContentAddress } from '@alphaswarm/core';
import { resolve } from '@alphaswarm/monolith';
import {
  progress,
  RiskLimits,
  TargetWeightsRebalancer,
  type RebalancePlan,
  type RequestContext,
  type Weights,
} from '@alphaswarm/monolith-primitives';
import { BotsError } from '../bots-error.js';
import { strategyKind, type BotStrategy, type MarketSnapshot } from '../strategies/bot-strategy.js';
import { botSpecDigest } from '../versioning/bot-spec-digest.js';
import { isResolvedPublishedBot, type PublishedBot } from './published-bot.js';

/** How a bot runs: simulated on history, on paper, or live. */
export type BotMode = 'backtest' | 'paper' | 'live';

/** What one bot step sees. */
export interface BotStepInput {
  readonly mode: BotMode;
  readonly market: MarketSnapshot;
  /** The bot's current weights. */
  readonly current: Weights;
}

/** What one bot step decided: the trades that reach the strategy's target, or why not. */
export interface BotStepResult {
  /** `<name>@<version>`. */
  readonly bot: string;
  readonly digest: ContentAddress;
  readonly mode: BotMode;
  readonly tenantId: string;
  readonly target: Weights;
  readonly plan: RebalancePlan;
}

/**
 * The BotRuntime contract: the only way to run a bot. It takes a published bot version (never a
 * bare spec), refuses modes the spec does not allow, builds the spec's strategy from the central
 * registry and turns its target weights into trades within the spec's risk limits.
 */
export interface BotRuntime {
  step(bot: PublishedBot, input: BotStepInput, context: RequestContext): Promise<BotStepResult>;
}

/** The BotRuntime on the monolith's registry and the shared primitives. */
export function createBotRuntime(options: { readonly minTrade?: number } = {}): BotRuntime {
  return {
    async step(bot, input, context) {
      const { spec } = bot;
      const id = `${spec.name}@${spec.version}`;
      if (!isResolvedPublishedBot(bot))
        throw new BotsError('ASW-704', `bot ${id} was not resolved from the published versions; use resolvePublishedBot().`);
      if (botSpecDigest(spec) !== bot.digest)
        throw new BotsError('ASW-702', `bot ${id} changed after it was resolved (expected ${bot.digest}, now ${botSpecDigest(spec)}).`);
      if (!spec.modes.includes(input.mode))
        throw new BotsError(
          'ASW-704',
          `bot ${id} may run in ${spec.modes.join(', ')}, not ${input.mode}; publish a version that allows it.`,
        );
      let strategy: BotStrategy;
      try {
        strategy = resolve<BotStrategy>({ kind: strategyKind, name: spec.strategy.kind }, spec.strategy.params);
      } catch (error) {
        throw new BotsError('ASW-704', `bot ${id}: strategy "${spec.strategy.kind}" cannot be built: ${(error as Error).message}`);
      }
      const target = strategy.targetWeights(input.market, spec.universe);
      const outside = Object.keys(target).filter((instrument) => !spec.universe.includes(instrument));
      if (outside.length > 0)
        throw new BotsError(
          'ASW-704',
          `bot ${id}: strategy "${spec.strategy.kind}" targeted ${outside.join(', ')}, outside the universe ${spec.universe.join(', ')}.`,
        );
      const plan = new TargetWeightsRebalancer(new RiskLimits(spec.risk), options.minTrade ?? 0).plan(input.current, target);
      progress.emit({
        job: `bots/${id}`,
        stage: plan.ok ? 'rebalanced' : 'refused',
        fraction: 1,
        message: input.market.asOf.toISOString(),
      });
      return { bot: id, digest: bot.digest, mode: input.mode, tenantId: context.tenantId, target, plan };
    },
  };
}

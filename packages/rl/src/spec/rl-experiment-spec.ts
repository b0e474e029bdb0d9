import { z } from 'zod';

const componentName = /^[a-z][a-z0-9]*([.-][a-z0-9]+)*$/;
const component = z.string().regex(componentName, 'a component name is lower case, e.g. gae or mlp-softmax');
const params = z.record(z.string(), z.union([z.number(), z.string(), z.boolean()]));

/**
 * An RL experiment: the environment, policy backbone and advantage estimator it uses (by their
 * registered component names), how it rolls out, and where its trajectories go. Every field is
 * part of the spec's lock.
 */
export const RLExperimentSpecSchema = z
  .strictObject({
    apiVersion: z.literal('alphaswarm.rl/v1'),
    name: z.string().regex(/^[a-z][a-z0-9-]{1,63}$/, 'an experiment name is lower-case kebab-case'),
    description: z.string().min(1).max(500),
    seed: z.int().nonnegative(),
    environment: z.strictObject({ component, params }),
    policy: z.strictObject({ backbone: component, params }),
    advantage: z.strictObject({
      estimator: component,
      gamma: z.number().min(0).max(1),
      lambda: z.number().min(0).max(1),
    }),
    rollout: z.strictObject({
      episodes: z.int().min(1).max(10_000),
      horizon: z.int().min(1).max(100_000),
    }),
    trajectories: z.strictObject({
      table: z.string().regex(/^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$/, 'an iceberg table is lower_snake_case, dot-separated'),
    }),
  })
  .meta({ id: 'RLExperimentSpec', version: 1, description: 'A hash-locked RL experiment specification.' });

/** An RL experiment specification (see {@link RLExperimentSpecSchema}). */
export type RLExperimentSpec = z.infer<typeof RLExperimentSpecSchema>;

import { appendArrow, progress, type ArrowBatch, type IcebergTableWriter } from '@alphaswarm/monolith-primitives';
import { createRLComponent } from '../components/register-rl-component.js';
import { seededRandom } from '../internal/seeded-random.js';
import { verifySpecLock, type LockedRLExperimentSpec } from '../spec/spec-lock.js';

/** What one experiment run produced. */
export interface RLRunResult {
  readonly experiment: string;
  /** The lock the run was verified against; trajectories carry it too. */
  readonly lock: string;
  readonly episodes: number;
  readonly steps: number;
  /** Mean undiscounted return per episode. */
  readonly meanReturn: number;
  /** One iceberg snapshot per episode. */
  readonly snapshots: readonly string[];
}

/**
 * The RL runtime contract: the only way an experiment runs. It refuses a spec whose lock does not
 * match, resolves the spec's components from the central registry, rolls out, estimates
 * advantages, stores trajectories and reports progress.
 */
export interface RLRuntime {
  run(experiment: LockedRLExperimentSpec): Promise<RLRunResult>;
}

/** Where an RL runtime writes. */
export interface RLRuntimeOptions {
  /** The iceberg table writer trajectories are appended through (`appendArrow`). */
  readonly trajectories: IcebergTableWriter;
}

const trajectorySchema: ArrowBatch['schema'] = [
  { name: 'experiment_lock', type: 'utf8' },
  { name: 'episode', type: 'int64' },
  { name: 'step', type: 'int64' },
  { name: 'reward', type: 'float64' },
  { name: 'value', type: 'float64' },
  { name: 'advantage', type: 'float64' },
  { name: 'return', type: 'float64' },
];

/** The RL runtime on top of the shared primitives (registry, appendArrow, progress). */
export function createRLRuntime(options: RLRuntimeOptions): RLRuntime {
  return {
    async run(experiment) {
      const { spec, lock } = verifySpecLock(experiment);
      const environment = createRLComponent('environment', spec.environment.component, spec.environment.params, spec.name);
      const backbone = createRLComponent('backbone', spec.policy.backbone, spec.policy.params, spec.name);
      const estimator = createRLComponent('estimator', spec.advantage.estimator, {}, spec.name);
      const random = seededRandom(spec.seed);
      const snapshots: string[] = [];
      let steps = 0;
      let totalReturn = 0;
      for (let episode = 0; episode < spec.rollout.episodes; episode += 1) {
        let observation = environment.reset(spec.seed + episode);
        const rewards: number[] = [];
        const values: number[] = [];
        let done = false;
        while (!done && rewards.length < spec.rollout.horizon) {
          values.push(backbone.value(observation));
          const result = environment.step(backbone.act(observation, random));
          rewards.push(result.reward);
          observation = result.observation;
          done = result.done;
        }
        const bootstrapValue = done ? 0 : backbone.value(observation);
        const { advantages, returns } = estimator.estimate({ rewards, values, bootstrapValue }, spec.advantage);
        const { snapshotId } = await appendArrow(options.trajectories, spec.trajectories.table, {
          schema: trajectorySchema,
          columns: {
            experiment_lock: rewards.map(() => lock),
            episode: rewards.map(() => episode),
            step: rewards.map((_, step) => step),
            reward: rewards,
            value: values,
            advantage: advantages,
            return: returns,
          },
        });
        snapshots.push(snapshotId);
        steps += rewards.length;
        totalReturn += rewards.reduce((sum, reward) => sum + reward, 0);
        progress.emit({ job: `rl/${spec.name}`, stage: 'rollout', fraction: (episode + 1) / spec.rollout.episodes });
      }
      return {
        experiment: spec.name,
        lock,
        episodes: spec.rollout.episodes,
        steps,
        meanReturn: totalReturn / spec.rollout.episodes,
        snapshots,
      };
    },
  };
}

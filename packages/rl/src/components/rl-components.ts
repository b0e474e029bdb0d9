/** An observation of the environment, as a feature vector. */
export type Observation = readonly number[];

/** An action: for the weight-centric portfolio pipeline, target weights per instrument. */
export type Action = readonly number[];

/** What one environment step returns. */
export interface StepResult {
  readonly observation: Observation;
  readonly reward: number;
  readonly done: boolean;
}

/** An RL environment (`rl.environment` components). */
export interface RLEnvironment {
  reset(seed: number): Observation;
  step(action: Action): StepResult;
}

/** A policy backbone (`rl.backbone` components): picks actions and values states. */
export interface PolicyBackbone {
  act(observation: Observation, random: () => number): Action;
  value(observation: Observation): number;
}

/** One rollout, as an advantage estimator reads it. */
export interface Rollout {
  readonly rewards: readonly number[];
  readonly values: readonly number[];
  /** Value of the state after the last step; 0 when the episode ended. */
  readonly bootstrapValue: number;
}

/** Advantages and returns, one per step of a rollout. */
export interface AdvantageEstimate {
  readonly advantages: readonly number[];
  readonly returns: readonly number[];
}

/** An advantage estimator (`rl.estimator` components). */
export interface AdvantageEstimator {
  estimate(rollout: Rollout, discount: { readonly gamma: number; readonly lambda: number }): AdvantageEstimate;
}

/** The component kinds of the RL subsystem and the contract each one implements. */
export interface RLComponentKinds {
  environment: RLEnvironment;
  backbone: PolicyBackbone;
  estimator: AdvantageEstimator;
}

/** One of `environment`, `backbone`, `estimator`. */
export type RLComponentKind = keyof RLComponentKinds;

import { registry as centralRegistry, type ComponentFactory, type Registry } from '@alphaswarm/monolith-primitives';
import { ModelsError } from '../models-error.js';

/** One row of features for one instrument at one time. */
export type FeatureRow = Readonly<Record<string, number>>;

/** A trained model that scores feature rows (one score per row, e.g. an expected return). */
export interface Predictor {
  readonly name: string;
  /** The model-registry version this predictor serves. */
  readonly version: string;
  /** Feature names the predictor reads; every row must carry them. */
  readonly features: readonly string[];
  predict(rows: readonly FeatureRow[]): Promise<readonly number[]>;
}

/**
 * The Predictor Hub: predictors registered by name through the central registry (kind
 * `models.predictor`), loaded with their options, and checked before they score.
 */
export interface PredictorHub {
  register(name: string, factory: ComponentFactory<Predictor>): void;
  names(): string[];
  load(name: string, options?: Readonly<Record<string, unknown>>): Predictor;
  /** Load a predictor and score rows, refusing rows that lack one of its features. */
  predict(name: string, rows: readonly FeatureRow[], options?: Readonly<Record<string, unknown>>): Promise<readonly number[]>;
}

const kind = 'models.predictor';

/** Where a Predictor Hub keeps its predictors. */
export interface PredictorHubOptions {
  /** The registry predictors are registered in; the process's central registry when left out. */
  readonly registry?: Registry;
}

/** The Predictor Hub over the central registry, or over the registry given. */
export function createPredictorHub({ registry = centralRegistry }: PredictorHubOptions = {}): PredictorHub {
  const hub: PredictorHub = {
    register(name, factory) {
      registry.register({ kind, name }, factory);
    },
    names() {
      return registry.list(kind);
    },
    load(name, options = {}) {
      if (!registry.has({ kind, name })) {
        throw new ModelsError(
          'ASW-401',
          `predictor "${name}" is not registered in the Predictor Hub (registered: ${hub.names().join(', ') || 'none'}).`,
        );
      }
      return registry.create<Predictor>({ kind, name }, options);
    },
    async predict(name, rows, options = {}) {
      const predictor = hub.load(name, options);
      rows.forEach((row, index) => {
        const missing = predictor.features.filter((feature) => typeof row[feature] !== 'number');
        if (missing.length > 0)
          throw new ModelsError('ASW-401', `predictor "${name}": row ${index} lacks feature(s) ${missing.join(', ')}.`);
      });
      const scores = await predictor.predict(rows);
      if (scores.length !== rows.length) {
        throw new ModelsError(
          'ASW-401',
          `predictor "${name}@${predictor.version}" returned ${scores.length} score(s) for ${rows.length} row(s).`,
        );
      }
      return scores;
    },
  };
  return hub;
}

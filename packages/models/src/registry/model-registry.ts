import { CONTENT_ADDRESS_PATTERN } from '@alphaswarm/core';
import type { OrmModel, OrmRepository } from '@alphaswarm/monolith-primitives';
import { ModelsError } from '../models-error.js';

/** Where a model version is in its lifecycle. */
export type ModelStage = 'staging' | 'production' | 'archived';

/** A registered model version: immutable apart from its stage. */
// A type alias rather than an interface: OrmModel needs a record assignable to Record<string, unknown>.
export type ModelVersionRecord = {
  /** `<name>@<version>`. */
  readonly id: string;
  readonly name: string;
  readonly version: string;
  /** Where the weights live, e.g. `s3://models/alpha-gbm/1.0.0`. */
  readonly artifactUri: string;
  /** `sha256:` and the hex SHA-256 of the artifact. */
  readonly artifactDigest: string;
  readonly metrics: Readonly<Record<string, number>>;
  readonly stage: ModelStage;
  readonly registeredAt: Date;
};

/** The ORM model of a registered model version (table `model_versions`). */
export const modelVersionModel: OrmModel<ModelVersionRecord> = {
  tableName: 'model_versions',
  primaryKey: 'id',
  columns: {
    id: { type: 'text' },
    name: { type: 'text' },
    version: { type: 'text' },
    artifactUri: { type: 'text' },
    artifactDigest: { type: 'text' },
    metrics: { type: 'json' },
    stage: { type: 'text' },
    registeredAt: { type: 'timestamp' },
  },
};

/** What a caller supplies to register a model version. */
export type NewModelVersion = Omit<ModelVersionRecord, 'id' | 'stage' | 'registeredAt'>;

/** The model registry contract: register versions once, look them up, move them through stages. */
export interface ModelRegistry {
  register(version: NewModelVersion): Promise<ModelVersionRecord>;
  get(name: string, version: string): Promise<ModelVersionRecord>;
  promote(name: string, version: string, stage: ModelStage): Promise<ModelVersionRecord>;
}

const transitions: Readonly<Record<ModelStage, readonly ModelStage[]>> = {
  staging: ['production', 'archived'],
  production: ['archived'],
  archived: [],
};

/** The model registry over a persistence repository (see {@link modelVersionModel}). */
export function createModelRegistry(repository: OrmRepository<ModelVersionRecord>, now: () => Date = () => new Date()): ModelRegistry {
  const registryApi: ModelRegistry = {
    async register(input) {
      if (!CONTENT_ADDRESS_PATTERN.test(input.artifactDigest)) {
        throw new ModelsError(
          'ASW-402',
          `model ${input.name}@${input.version}: artifactDigest must be sha256: and 64 hex digits, got "${input.artifactDigest}".`,
        );
      }
      const id = `${input.name}@${input.version}`;
      const existing = await repository.get(id);
      if (existing) {
        throw new ModelsError(
          'ASW-402',
          `model ${id} is already registered (artifact ${existing.artifactDigest}); register a new version instead.`,
        );
      }
      const record: ModelVersionRecord = { ...input, id, stage: 'staging', registeredAt: now() };
      await repository.upsert(record);
      return record;
    },
    async get(name, version) {
      const record = await repository.get(`${name}@${version}`);
      if (!record) throw new ModelsError('ASW-403', `model ${name}@${version} is not registered.`);
      return record;
    },
    async promote(name, version, stage) {
      const record = await registryApi.get(name, version);
      if (!transitions[record.stage].includes(stage)) {
        throw new ModelsError(
          'ASW-404',
          `model ${record.id} cannot move from ${record.stage} to ${stage} (allowed: ${transitions[record.stage].join(', ') || 'none'}).`,
        );
      }
      const next = { ...record, stage };
      await repository.upsert(next);
      return next;
    },
  };
  return registryApi;
}

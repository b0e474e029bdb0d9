import type { OrmRepository } from '@alphaswarm/monolith-primitives';
import { describe, expect, it } from 'vitest';
import { createModelRegistry, modelVersionModel, type ModelVersionRecord } from './model-registry.js';

const memoryRepository = (): OrmRepository<ModelVersionRecord> & { rows: Map<string, ModelVersionRecord> } => {
  const rows = new Map<string, ModelVersionRecord>();
  return {
    rows,
    model: modelVersionModel,
    get: async (id) => rows.get(String(id)),
    upsert: async (record) => void rows.set(record.id, record),
  };
};

const at = new Date('2026-05-01T00:00:00Z');
const digest = `sha256:${'a'.repeat(64)}`;
const version = {
  name: 'alpha-gbm',
  version: '1.0.0',
  artifactUri: 's3://models/alpha-gbm/1.0.0',
  artifactDigest: digest,
  metrics: { ic: 0.05 },
};

describe('ModelRegistry', () => {
  it('registers a version in staging and persists it', async () => {
    const repository = memoryRepository();
    const registry = createModelRegistry(repository, () => at);
    const record = await registry.register(version);
    expect(record).toEqual({ ...version, id: 'alpha-gbm@1.0.0', stage: 'staging', registeredAt: at });
    expect(repository.rows.get('alpha-gbm@1.0.0')).toEqual(record);
    await expect(registry.get('alpha-gbm', '1.0.0')).resolves.toEqual(record);
  });

  it('refuses to register the same version twice', async () => {
    const registry = createModelRegistry(memoryRepository());
    await registry.register(version);
    await expect(registry.register({ ...version, artifactUri: 's3://other' })).rejects.toThrow(
      `ASW-402 model alpha-gbm@1.0.0 is already registered (artifact ${digest})`,
    );
  });

  it('refuses an artifact digest that is not sha256', async () => {
    await expect(createModelRegistry(memoryRepository()).register({ ...version, artifactDigest: 'md5:1' })).rejects.toThrow(
      'artifactDigest must be sha256:',
    );
  });

  it('moves a version staging -> production -> archived and no further', async () => {
    const registry = createModelRegistry(memoryRepository());
    await registry.register(version);
    await expect(registry.promote('alpha-gbm', '1.0.0', 'production')).resolves.toMatchObject({ stage: 'production' });
    await expect(registry.promote('alpha-gbm', '1.0.0', 'staging')).rejects.toThrow(
      'ASW-404 model alpha-gbm@1.0.0 cannot move from production to staging (allowed: archived).',
    );
    await registry.promote('alpha-gbm', '1.0.0', 'archived');
    await expect(registry.promote('alpha-gbm', '1.0.0', 'production')).rejects.toThrow('(allowed: none)');
  });

  it('reports an unknown version', async () => {
    await expect(createModelRegistry(memoryRepository()).get('alpha-gbm', '9.9.9')).rejects.toThrow(
      'ASW-403 model alpha-gbm@9.9.9 is not registered.',
    );
  });
});

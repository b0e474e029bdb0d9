import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CreateWorkloadRequestV1Schema } from './create-workload-request.js';
import { wireModelJsonSchema, wireModelJsonSchemas } from './wire-json-schema.js';
import { describeWireModel } from './wire-model.js';
import { wireModels } from './wire-models.js';

const refsIn = (value: unknown): string[] =>
  typeof value !== 'object' || value === null
    ? []
    : Object.entries(value).flatMap(([key, inner]) => (key === '$ref' && typeof inner === 'string' ? [inner] : refsIn(inner)));

describe('wireModels', () => {
  it('names each model once, with a version', () => {
    const names = wireModels.map((model) => `${model.name}@v${model.version}`);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual(expect.arrayContaining(['Workload@v1', 'BotSpec@v1']));
  });

  it('lists every model another one nests, so references resolve', () => {
    const schemas = wireModelJsonSchemas((name) => `#/components/schemas/${name}`);
    const dangling = Object.values(schemas)
      .flatMap(refsIn)
      .filter((ref) => !(ref.replace('#/components/schemas/', '') in schemas));
    expect(dangling).toEqual([]);
    expect(Object.keys(schemas)).toEqual(wireModels.map((model) => model.name));
  });

  it('exports a self-contained JSON Schema with the version and nested models in $defs', () => {
    const model = describeWireModel(CreateWorkloadRequestV1Schema);
    const schema = wireModelJsonSchema(model);
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.$ref).toBe('#/$defs/CreateWorkloadRequest');
    expect(schema.$defs?.['CreateWorkloadRequest']).toMatchObject({ version: 1, additionalProperties: false, required: ['name', 'spec'] });
    expect(schema.$defs?.['WorkloadSpec']).toMatchObject({ version: 1 });
  });

  it('refuses a schema without wire metadata, naming the fix', () => {
    expect(() => describeWireModel(z.string().meta({ id: 'Loose' }))).toThrow(
      `wire model "Loose" lacks metadata: call .meta({ id: '<Name>', version: <n>, description: '…' }) on its schema`,
    );
  });
});

describe('CreateWorkloadRequestV1Schema', () => {
  const valid = { name: 'feed-1', spec: { image: 'ghcr.io/alphaswarm/feed:1.2', replicas: 1 } };

  it('accepts a valid request', () => {
    expect(CreateWorkloadRequestV1Schema.parse(valid)).toEqual(valid);
  });

  it.each([
    [{ ...valid, name: 'Feed' }, ['name']],
    [{ ...valid, spec: { ...valid.spec, replicas: 0 } }, ['spec', 'replicas']],
    [{ ...valid, spec: { ...valid.spec, image: 'a b' } }, ['spec', 'image']],
    [{ ...valid, spec: { ...valid.spec, env: { '1X': 'v' } } }, ['spec', 'env', '1X']],
    [{ ...valid, extra: true }, []],
    [{ name: 'x' }, ['spec']],
  ])('refuses %j at path %j', (input, path) => {
    const result = CreateWorkloadRequestV1Schema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(path);
  });
});

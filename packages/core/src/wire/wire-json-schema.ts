import { z } from 'zod';
import type { JsonSchema, WireModel } from './wire-model.js';
import { wireModels } from './wire-models.js';

const options = { target: 'draft-2020-12', io: 'output', unrepresentable: 'throw' } as const;

/** `model` as one self-contained JSON Schema (draft 2020-12); the models it nests are in `$defs`. */
export function wireModelJsonSchema(model: WireModel): JsonSchema {
  return z.toJSONSchema(model.schema, options);
}

/**
 * `models` as named JSON Schemas that reference each other through `uri(name)`, e.g.
 * `(name) => '#/components/schemas/' + name` for OpenAPI 3.1. Each schema is keyed by model name
 * and carries no `$schema` or `$id`, so it can be embedded in a larger document.
 */
export function wireModelJsonSchemas(uri: (name: string) => string, models: readonly WireModel[] = wireModels): Record<string, JsonSchema> {
  const registry = z.registry<{ id: string }>();
  for (const model of models) registry.add(model.schema, { id: model.name });
  const { schemas } = z.toJSONSchema(registry, { ...options, uri });
  return Object.fromEntries(
    models.map((model) => {
      const { $schema: _schema, $id: _id, ...schema } = schemas[model.name] ?? {};
      return [model.name, schema];
    }),
  );
}

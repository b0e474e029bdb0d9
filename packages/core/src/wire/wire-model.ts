import { z } from 'zod';

/** A JSON Schema (draft 2020-12) object as zod emits it. */
export type JsonSchema = z.core.JSONSchema.BaseSchema;

/** A versioned wire model: a runtime-validated schema with the name and version it is published under. */
export interface WireModel {
  /** The model's name, e.g. `Workload`; also its JSON Schema / OpenAPI component name. */
  readonly name: string;
  /** Bumped on every incompatible change; the export is then `<Name>V<version>Schema`. */
  readonly version: number;
  /** What the model is, for people; also its JSON Schema `description`. */
  readonly description: string;
  /** The zod schema that validates the model at run time. */
  readonly schema: z.ZodType;
}

/**
 * Read the wire-model metadata (`.meta({ id, version, description })`) of `schema`. Throws a
 * TypeError naming what is missing, so a schema added to the list without metadata fails loudly.
 */
export function describeWireModel(schema: z.ZodType): WireModel {
  const meta = schema.meta();
  const name = meta?.id;
  const version = meta?.['version'];
  const description = meta?.description;
  if (
    typeof name !== 'string' ||
    typeof version !== 'number' ||
    !Number.isInteger(version) ||
    version < 1 ||
    typeof description !== 'string'
  ) {
    throw new TypeError(
      `wire model ${JSON.stringify(name ?? '(no id)')} lacks metadata: call .meta({ id: '<Name>', version: <n>, description: '…' }) on its schema`,
    );
  }
  return { name, version, description, schema };
}

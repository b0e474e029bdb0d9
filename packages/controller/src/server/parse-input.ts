import type { z } from 'zod';
import { fieldIssues, type InputLocation } from './field-issues.js';
import { ManageApiError } from './manage-api-error.js';

/** `value` parsed by `schema`, or a 400 {@link ManageApiError} naming every offending field. */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, location: InputLocation): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const [first, ...rest] = fieldIssues(location, result.error);
  throw ManageApiError.invalid(first ? [first, ...rest] : [{ field: location, message: 'invalid' }]);
}

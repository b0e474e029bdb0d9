import type { z } from 'zod';
import type { FieldIssue } from './manage-api-error.js';

/** Where a request value came from; prefixes every field name. */
export type InputLocation = 'body' | 'params' | 'query' | 'header';

/** zod issues as fields named from the request's point of view, e.g. `body.spec.replicas`. */
export function fieldIssues(location: InputLocation, error: z.ZodError): FieldIssue[] {
  return error.issues.flatMap((issue) => {
    const keys = issue.code === 'unrecognized_keys' ? issue.keys.map((key) => [...issue.path, key]) : [issue.path];
    const message = issue.code === 'unrecognized_keys' ? 'unknown field' : issue.message;
    return keys.map((path) => ({ field: [location, ...path.map(String)].join('.'), message }));
  });
}

import { z } from 'zod';
import { WorkloadStateV1Schema } from './workload-state.js';

/** The stable codes of the control plane's error bodies. */
export const API_ERROR_CODES = {
  /** 400 (or 413/415): the request is malformed; `field` names the offending part. */
  invalidRequest: 'ASW-200',
  /** 401: the caller's identity is missing or malformed. */
  unauthenticated: 'ASW-201',
  /** 403: the caller's roles do not grant the action. */
  forbidden: 'ASW-202',
  /** 404: no such resource in the caller's tenant. */
  notFound: 'ASW-203',
  /** 409: the request conflicts with the resource's current state. */
  conflict: 'ASW-204',
  /** 423: the kill switch is engaged and refuses the action. */
  killSwitchEngaged: 'ASW-205',
  /** 503: the control plane's store cannot be read or written; nothing was changed. */
  unavailable: 'ASW-206',
  /** 500: a bug in the control plane. */
  internal: 'ASW-299',
} as const;

/** One of {@link API_ERROR_CODES}. */
export type ApiErrorCode = (typeof API_ERROR_CODES)[keyof typeof API_ERROR_CODES];

const fieldIssue = z.object({
  field: z.string().describe('Where: `body.<path>`, `params.<name>`, `query.<name>` or `header.<name>`.'),
  message: z.string(),
});

/** Wire model `ApiError` v1: the body of every 4xx and 5xx response. */
export const ApiErrorV1Schema = z
  .object({
    code: z.enum(Object.values(API_ERROR_CODES) as [ApiErrorCode, ...ApiErrorCode[]]),
    message: z.string(),
    field: z.string().optional().describe('The first offending field, when the error is about one.'),
    issues: z.array(fieldIssue).optional().describe('Every offending field, for invalid requests.'),
    allowedNextStates: z
      .array(WorkloadStateV1Schema)
      .optional()
      .describe('For a refused state change (409): the states the workload may move to from its current one.'),
  })
  .meta({
    id: 'ApiError',
    version: 1,
    description: 'An error: a stable code, a message for people and, for invalid input, the fields at fault.',
  });
/** The value type of `ApiErrorV1Schema`. */
export type ApiErrorV1 = z.infer<typeof ApiErrorV1Schema>;

import { API_ERROR_CODES, type ApiErrorCode, type ApiErrorV1, type WorkloadState } from '@alphaswarm/core';

/** One offending field of an invalid request. */
export interface FieldIssue {
  /** Where, e.g. `body.spec.replicas` or `header.x-alphaswarm-tenant`. */
  readonly field: string;
  /** What is wrong with it. */
  readonly message: string;
}

/**
 * The one error class of the manage API: an HTTP status, a stable code from core's
 * `API_ERROR_CODES` and a message for people; for invalid input, the fields at fault.
 */
export class ManageApiError extends Error {
  /** Always `ManageApiError`. */
  override readonly name = 'ManageApiError';

  constructor(
    /** The HTTP status to answer with. */
    readonly status: number,
    /** The stable error code of the body. */
    readonly code: ApiErrorCode,
    message: string,
    /** The offending fields, for invalid input. */
    readonly issues: readonly FieldIssue[] = [],
    /** `cause`: the error behind it, logged but never sent. `allowedNextStates`: for a refused state change. */
    readonly details: { readonly cause?: unknown; readonly allowedNextStates?: readonly WorkloadState[] } = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
  }

  /** A 400 (or another 4xx `status`) naming every offending field; the message leads with the first. */
  static invalid(issues: readonly [FieldIssue, ...FieldIssue[]], status = 400): ManageApiError {
    const [first] = issues;
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
    return new ManageApiError(status, API_ERROR_CODES.invalidRequest, `${first.field}: ${first.message}${more}`, issues);
  }

  /** The JSON body sent to the caller. */
  toBody(): ApiErrorV1 {
    const [first] = this.issues;
    const { allowedNextStates } = this.details;
    return {
      code: this.code,
      message: this.message,
      ...(first ? { field: first.field, issues: [...this.issues] } : {}),
      ...(allowedNextStates ? { allowedNextStates: [...allowedNextStates] } : {}),
    };
  }
}

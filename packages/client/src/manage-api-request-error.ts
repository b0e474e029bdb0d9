import type { ApiError } from './manage-api-types.js';

/**
 * A manage API call the controller refused or could not answer: the HTTP status and the API's own
 * error body (stable `code`, `message`, and for invalid input the `field` at fault). The client
 * decides nothing itself; it reports what the API said.
 */
export class ManageApiRequestError extends Error {
  /** Always `ManageApiRequestError`. */
  override readonly name = 'ManageApiRequestError';

  constructor(
    /** The HTTP status. */
    readonly status: number,
    /** The error body the API sent. */
    readonly body: ApiError,
    /** The operation that failed, e.g. `POST /manage/workloads`. */
    readonly operation: string,
  ) {
    super(`${operation} failed with ${status} ${body.code}: ${body.message}`);
  }

  /** The API's stable error code, e.g. `ASW-205` for a kill-switch refusal. */
  get code(): ApiError['code'] {
    return this.body.code;
  }

  /** The first offending field, e.g. `body.spec.replicas`, when the API named one. */
  get field(): string | undefined {
    return this.body.field;
  }
}

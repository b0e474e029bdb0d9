import { ManageApiConnectionError, ManageApiRequestError } from '@alphaswarm/client';

/** One field the API named as wrong, with its words. */
export interface FieldProblem {
  /** As the API names it: `body.spec.replicas`, `header.x-alphaswarm-tenant`, … */
  readonly field: string;
  readonly message: string;
}

/** What went wrong, in words for a person, from the API's own answer. */
export interface ErrorDescription {
  /** One sentence: what kind of answer it was and what the API said. */
  readonly summary: string;
  /** Every field the API named (for an invalid request). */
  readonly fields: readonly FieldProblem[];
}

const statusWords: Readonly<Record<number, string>> = {
  400: 'The API refused the request as invalid (400)',
  401: 'The API does not know who you are (401)',
  403: 'The API does not allow this for your role (403)',
  404: 'The API found no such thing in your tenant (404)',
  409: 'The API refused: it conflicts with the current state (409)',
  413: 'The API refused the request as too large (413)',
  415: 'The API refused the request’s content type (415)',
  423: 'The API refused: locked (423)',
  503: 'The control plane is unavailable (503)',
};

/**
 * Describe a failed call for a person. Everything comes from the answer: the status, the API's
 * message, the fields it named and, for a refused state change, the states it allows next. The UI
 * adds no rule of its own about who may do what.
 */
export function describeError(error: unknown): ErrorDescription {
  if (error instanceof ManageApiConnectionError) return { summary: `No answer from the controller: ${error.message}`, fields: [] };
  if (error instanceof ManageApiRequestError) {
    const { status, body } = error;
    const kind =
      statusWords[status] ??
      (body.code === 'ASW-299' && status >= 500
        ? `The controller, or a proxy in front of it, failed (${status})`
        : `The API answered ${status}`);
    const next = body.allowedNextStates
      ? ` Allowed next states, as the API reports them: ${body.allowedNextStates.length > 0 ? body.allowedNextStates.join(', ') : 'none'}.`
      : '';
    const fields = body.issues ?? (body.field ? [{ field: body.field, message: body.message }] : []);
    return { summary: `${kind}: ${body.message} [${body.code}]${next}`, fields };
  }
  return { summary: `Unexpected error: ${error instanceof Error ? error.message : String(error)}`, fields: [] };
}

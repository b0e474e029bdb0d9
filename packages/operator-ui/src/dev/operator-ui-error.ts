/** The stable codes of the operator UI's user errors (its dev server and preview). */
export const OPERATOR_UI_ERROR_CODES = {
  /** `ALPHASWARM_CONTROLLER_URL` is not a URL. */
  badControllerUrl: 'ASW-250',
  /** The controller the dev server starts did not start (or did not print where it listens). */
  controllerDidNotStart: 'ASW-251',
} as const;

/** A user error of the operator UI's tooling: a stable code and a message naming the value and the fix. */
export class OperatorUiError extends Error {
  override readonly name = 'OperatorUiError';

  constructor(
    /** One of {@link OPERATOR_UI_ERROR_CODES}. */
    readonly code: (typeof OPERATOR_UI_ERROR_CODES)[keyof typeof OPERATOR_UI_ERROR_CODES],
    message: string,
    options?: ErrorOptions,
  ) {
    super(`${code}: ${message}`, options);
  }
}

/** Stable codes of the models domain's user errors. */
export type ModelsErrorCode =
  /** A predictor is unknown to the Predictor Hub. */
  | 'ASW-401'
  /** A model version is already registered (published versions are immutable). */
  | 'ASW-402'
  /** A model version is unknown to the model registry. */
  | 'ASW-403'
  /** A stage change the model lifecycle does not allow. */
  | 'ASW-404'
  /** A walk-forward evaluation produced inconsistent metrics. */
  | 'ASW-405';

/** A user error of the models domain: the message names the model or predictor and the fix. */
export class ModelsError extends Error {
  constructor(
    readonly code: ModelsErrorCode,
    message: string,
  ) {
    super(`${code} ${message}`);
    this.name = 'ModelsError';
  }
}

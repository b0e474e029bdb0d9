/**
 * A user-facing error of the split gate and the boundary checker, with a stable code (`ASW-12NN`).
 * The CLIs print the message and exit 1; any other error is a bug and keeps its stack.
 */
export class SplitGateError extends Error {
  constructor(
    readonly code: `ASW-12${number}`,
    message: string,
  ) {
    super(`${code} ${message}`);
    this.name = 'SplitGateError';
  }
}

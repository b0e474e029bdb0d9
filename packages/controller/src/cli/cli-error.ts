/** A mistake in how a controller command was called: printed without a stack, exit code 1. */
export class CliError extends Error {
  override readonly name = 'CliError';

  constructor(
    readonly code: `ASW-${number}`,
    message: string,
  ) {
    super(message);
  }
}

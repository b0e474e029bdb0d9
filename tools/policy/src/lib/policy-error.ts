/** A user-facing error with a stable code; CLIs print the message and exit 1. */
export class PolicyError extends Error {
  constructor(
    readonly code: `ASW-${number}`,
    message: string,
  ) {
    super(`${code} ${message}`);
    this.name = 'PolicyError';
  }
}

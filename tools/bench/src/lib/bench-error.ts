/**
 * A user error of the bench tools (a bad option, a folder that cannot be written, a tool that is
 * missing): a stable `ASW-14NN` code and a message naming the value and the fix. The CLIs print the
 * message and exit 1.
 */
export class BenchError extends Error {
  constructor(
    readonly code: `ASW-14${number}`,
    message: string,
  ) {
    super(`${code} ${message}`);
    this.name = 'BenchError';
  }
}

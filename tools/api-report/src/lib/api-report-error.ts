/** A user-facing error of the API report tool, with a stable code. */
export class ApiReportError extends Error {
  constructor(
    readonly code: `ASW-${number}`,
    message: string,
  ) {
    super(`${code} ${message}`);
    this.name = 'ApiReportError';
  }
}

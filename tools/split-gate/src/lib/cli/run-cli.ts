import { PolicyError } from '@alphaswarm/policy';
import { SplitGateError } from '../split-gate-error.js';

/**
 * The workspace's coded user errors: SplitGateError and PolicyError by class, and the API report
 * tool's ApiReportError by its name, so that a command does not load that tool (and TypeScript's
 * compiler API, about 0.3 s) only to recognise its error.
 */
export function isUserError(error: unknown): error is Error {
  return (
    error instanceof SplitGateError ||
    error instanceof PolicyError ||
    (error instanceof Error && error.name === 'ApiReportError' && /^ASW-\d+ /.test(error.message))
  );
}

/**
 * Run a CLI's main function and exit with its code. User errors (the workspace's coded error
 * classes) print their message and exit 1; anything else is a bug and keeps its stack.
 */
export function runCli(main: () => Promise<number>): void {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      if (isUserError(error)) {
        process.stderr.write(`${error.message}\n`);
        process.exitCode = 1;
        return;
      }
      throw error;
    },
  );
}

/** Turn a node:util parseArgs failure into a user error that points at --help. */
export function usageError(command: string, error: unknown): SplitGateError {
  return new SplitGateError('ASW-1207', `${(error as Error).message}; run \`pnpm ${command} --help\` for usage`);
}

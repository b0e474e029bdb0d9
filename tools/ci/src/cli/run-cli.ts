import { PolicyError } from '@alphaswarm/policy';
import { CiError } from '../ci-error.js';

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
      if (error instanceof CiError || error instanceof PolicyError) {
        process.stderr.write(`${error.message}\n`);
        process.exitCode = 1;
        return;
      }
      throw error;
    },
  );
}

/** Turn a node:util parseArgs failure into a user error that points at --help. */
export function usageError(command: string, error: unknown): CiError {
  return new CiError('ASW-961', `${(error as Error).message}; run \`pnpm ${command} --help\` for usage`);
}

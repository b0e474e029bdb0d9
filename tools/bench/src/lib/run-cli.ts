import { PolicyError } from '@alphaswarm/policy';
import { BenchError } from './bench-error.js';

/**
 * Run a CLI's main function and exit with its code. User errors (BenchError, PolicyError) print
 * their message and exit 1; anything else is a bug and keeps its stack.
 */
export function runCli(main: () => Promise<number>): void {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      if (error instanceof BenchError || error instanceof PolicyError) {
        process.stderr.write(`${error.message}\n`);
        process.exitCode = 1;
        return;
      }
      throw error;
    },
  );
}

/** A whole number option, or a user error naming it. */
export function wholeNumber(option: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0) throw new BenchError('ASW-1402', `--${option} ${value}: give a whole number`);
  return number;
}

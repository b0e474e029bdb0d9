import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CliError } from './cli-error.js';

/** The lock file in a data directory: the pid of the controller that uses it. */
export const LOCK_FILE = 'controller.pid';

/**
 * Claim `dataDir` for this process, or throw ASW-219 naming the live controller that holds it. Two
 * controllers on one embedded database would corrupt it. A lock left by a controller that died
 * (even by SIGKILL) is taken over. Returns the function that releases the lock.
 */
export function lockDataDir(dataDir: string): () => void {
  const file = join(dataDir, LOCK_FILE);
  for (;;) {
    try {
      writeFileSync(file, `${process.pid}\n`, { flag: 'wx' });
      return () => rmSync(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = Number(readFileSync(file, 'utf8').trim());
    if (Number.isInteger(holder) && holder > 0 && isRunning(holder)) {
      throw new CliError(
        'ASW-219',
        `--data-dir ${dataDir} is in use by the controller with pid ${holder}: stop it first, or give this one another --data-dir`,
      );
    }
    rmSync(file, { force: true });
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

import { readFileSync } from 'node:fs';

/**
 * The kernel's start time of `pid` (field 22 of `/proc/<pid>/stat`, in clock ticks since boot), or
 * null where there is no `/proc`. Together with the pid it names one process: a pid reused by a
 * later process has a different start time.
 */
export function processStartTime(pid: number): string | null {
  const fields = statFields(pid);
  return fields?.[19] ?? null;
}

/** True while the process `pid` started at `startTime` exists and is not a zombie. */
export function isProcessAlive(pid: number, startTime: string | null): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const fields = statFields(pid);
  if (!fields) return startTime === null;
  if (fields[0] === 'Z') return false;
  return startTime === null || fields[19] === startTime;
}

/** Send `signal` to the process group led by `pid`; false when there is none any more. */
export function signalGroup(pid: number, signal: NodeJS.Signals): boolean {
  try {
    process.kill(-pid, signal);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return false;
    throw error;
  }
}

/** The fields of `/proc/<pid>/stat` after the command name: [0] is the state, [19] the start time. */
function statFields(pid: number): string[] | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined;
  }
}

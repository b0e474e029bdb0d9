import { cpus, freemem, loadavg, release, totalmem, type } from 'node:os';

/** The machine a bench ran on, in one line: CPU model and count, memory, OS, Node, and the load when it started. */
export function describeMachine(): string {
  const cpu = cpus();
  const gib = (bytes: number): string => `${(bytes / 1024 ** 3).toFixed(0)} GiB`;
  return `${cpu[0]?.model.trim() ?? 'unknown CPU'} × ${cpu.length} cores, ${gib(totalmem())} RAM (${gib(freemem())} free), ${type()} ${release()}, Node ${process.version}; load average at start ${loadavg()
    .map((load) => load.toFixed(2))
    .join(' / ')} (the machine is shared with other jobs)`;
}

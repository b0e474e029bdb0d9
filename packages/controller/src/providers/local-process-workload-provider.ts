import {
  parseId,
  type ProviderWorkload,
  type ProviderWorkloadRef,
  type ProviderWorkloadStatus,
  type WorkloadProvider,
  type WorkloadState,
} from '@alphaswarm/core';
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { constants } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { isProcessAlive, processStartTime, signalGroup } from './internal/process-table.js';

/** The image prefix the local-process provider accepts: `local:<anything>`. */
export const LOCAL_IMAGE_PREFIX = 'local:';

/** Options of {@link LocalProcessWorkloadProvider}. */
export interface LocalProcessProviderOptions {
  /** Where pid files and replica logs live (the controller uses `<data-dir>/processes`). */
  readonly stateDir: string;
  /** How long `stop` waits after SIGTERM before it sends SIGKILL; 5000 ms by default. */
  readonly stopGraceMs?: number;
}

interface ReplicaRecord {
  readonly index: number;
  readonly pid: number;
  /** From `/proc/<pid>/stat`, so a reused pid is not mistaken for the replica. */
  readonly startTime: string | null;
  /** How it ended, when the controller saw it end (it was the parent). */
  exit?: { readonly code: number | null; readonly signal: string | null };
}

interface WorkloadRecord {
  readonly version: 1;
  readonly tenantId: string;
  readonly workloadId: string;
  readonly replicas: ReplicaRecord[];
  /** Set once `stop` was asked: ended replicas then mean `stopped`, not `failed`. */
  stopping: boolean;
  /** Why it failed, fixed the first time a replica was seen dead. */
  failure?: string;
}

/**
 * Runs a workload's `command` with its `env` as `replicas` local child processes, each the leader
 * of its own process group, with its output in `<stateDir>/<tenant>/<workload>/replica-<n>.log`.
 * The image must be `local:<name>`. Reports `running` while every replica lives and `failed` with
 * the exit code when one dies (the others are then stopped); stops with SIGTERM to each process
 * group, then SIGKILL after the grace period. A pid file per workload (`<stateDir>/<tenant>/<workload>.json`,
 * pids with their kernel start times) lets a restarted controller find the processes it started,
 * and release those of workloads its store no longer holds as active.
 *
 * Replicas get `PATH`, `HOME`, `LANG` and `TZ` from the controller, the workload's `env`, and
 * `ALPHASWARM_TENANT_ID`, `ALPHASWARM_WORKLOAD_ID`, `ALPHASWARM_REPLICA`; nothing else of the
 * controller's environment (such as `DATABASE_URL`) reaches them.
 */
export class LocalProcessWorkloadProvider implements WorkloadProvider {
  /** Reported on each workload it runs. */
  readonly name = 'local-process';
  readonly #stateDir: string;
  readonly #graceMs: number;
  readonly #children = new Map<number, ChildProcess>();

  constructor({ stateDir, stopGraceMs = 5000 }: LocalProcessProviderOptions) {
    this.#stateDir = stateDir;
    this.#graceMs = stopGraceMs;
    mkdirSync(stateDir, { recursive: true });
  }

  /** Spawn every replica; rejects (stopping what it started) when the image or command is unusable. */
  async start(workload: ProviderWorkload): Promise<WorkloadState> {
    const { image, command, env = {}, replicas } = workload.spec;
    if (!image.startsWith(LOCAL_IMAGE_PREFIX)) {
      throw new Error(`local-process provider runs only images named "${LOCAL_IMAGE_PREFIX}<name>"; "${image}" is not one`);
    }
    const [program, ...args] = command ?? [];
    if (program === undefined) throw new Error('local-process provider needs spec.command: the program and its arguments to run');
    const logDir = join(this.#stateDir, workload.tenantId, workload.workloadId);
    mkdirSync(logDir, { recursive: true });
    const record: WorkloadRecord = {
      version: 1,
      tenantId: workload.tenantId,
      workloadId: workload.workloadId,
      replicas: [],
      stopping: false,
    };
    for (let index = 0; index < replicas; index++) {
      const log = openSync(join(logDir, `replica-${index}.log`), 'a');
      let child: ChildProcess;
      try {
        child = spawn(program, args, {
          cwd: logDir,
          detached: true,
          stdio: ['ignore', log, log],
          env: {
            ...inheritedEnv(),
            ...env,
            ALPHASWARM_TENANT_ID: workload.tenantId,
            ALPHASWARM_WORKLOAD_ID: workload.workloadId,
            ALPHASWARM_REPLICA: String(index),
          },
        });
      } finally {
        closeSync(log);
      }
      const { pid } = child;
      if (pid === undefined) {
        const error = await new Promise<Error>((resolve) => child.once('error', resolve));
        await this.#terminate(record);
        this.#write(record);
        throw new Error(`local-process provider cannot run "${program}": ${error.message}`);
      }
      const replica: ReplicaRecord = { index, pid, startTime: processStartTime(pid) };
      record.replicas.push(replica);
      this.#write(record);
      this.#watch(record, replica, child);
    }
    return 'running';
  }

  /** SIGTERM every replica's process group, SIGKILL what is left after the grace period. */
  async stop(ref: ProviderWorkloadRef): Promise<WorkloadState> {
    const record = this.#read(ref);
    if (!record) return 'stopped';
    record.stopping = true;
    this.#write(record);
    await this.#terminate(record);
    return 'stopped';
  }

  /** `running` while every replica lives; `failed` with the exit code once one has ended; `stopped` after `stop`. */
  async status(ref: ProviderWorkloadRef): Promise<ProviderWorkloadStatus | undefined> {
    const record = this.#read(ref);
    if (!record) return undefined;
    const alive = record.replicas.filter((replica) => this.#isAlive(replica));
    if (record.stopping) return alive.length === 0 ? { state: 'stopped' } : { state: 'stopping' };
    if (record.failure === undefined) {
      const ended = record.replicas.find((replica) => !alive.includes(replica));
      if (!ended) return { state: 'running' };
      record.failure = await this.#describeEnd(ended);
      this.#write(record);
    }
    if (alive.length > 0) void this.#terminate(record);
    return { state: 'failed', reason: record.failure };
  }

  /** Stop the workload if it still runs, then delete its pid file and logs. */
  async remove(ref: ProviderWorkloadRef): Promise<void> {
    const record = this.#read(ref);
    if (record) await this.#terminate(record);
    rmSync(this.#file(ref), { force: true });
    rmSync(join(this.#stateDir, ref.tenantId, ref.workloadId), { recursive: true, force: true });
  }

  /** Stop and forget every workload with a pid file that is not in `known`; resolves with those that still ran. */
  async reapOrphans(known: readonly ProviderWorkloadRef[]): Promise<ProviderWorkloadRef[]> {
    const keep = new Set(known.map((ref) => `${ref.tenantId}/${ref.workloadId}`));
    const reaped: ProviderWorkloadRef[] = [];
    for (const tenant of readdirSync(this.#stateDir, { withFileTypes: true }).filter((entry) => entry.isDirectory())) {
      for (const file of readdirSync(join(this.#stateDir, tenant.name)).filter((name) => name.endsWith('.json'))) {
        const ref = { tenantId: parseId('tenant', tenant.name), workloadId: parseId('workload', file.slice(0, -'.json'.length)) };
        if (keep.has(`${ref.tenantId}/${ref.workloadId}`)) continue;
        const ran = this.#read(ref)?.replicas.some((replica) => this.#isAlive(replica)) ?? false;
        await this.remove(ref);
        if (ran) reaped.push(ref);
      }
    }
    return reaped;
  }

  #watch(record: WorkloadRecord, replica: ReplicaRecord, child: ChildProcess): void {
    this.#children.set(replica.pid, child);
    child.once('exit', (code, signal) => {
      this.#children.delete(replica.pid);
      replica.exit = { code, signal };
      const current = this.#read(record);
      const stored = current?.replicas.find((candidate) => candidate.pid === replica.pid);
      if (current && stored) {
        stored.exit = replica.exit;
        this.#write(current);
      }
    });
    child.unref();
  }

  #isAlive(replica: ReplicaRecord): boolean {
    return replica.exit === undefined && isProcessAlive(replica.pid, replica.startTime);
  }

  async #describeEnd(replica: ReplicaRecord): Promise<string> {
    const child = this.#children.get(replica.pid);
    if (replica.exit === undefined && child) {
      // Dead but its exit not yet delivered: it comes in the same turn of the event loop or the next.
      await Promise.race([new Promise((resolve) => child.once('exit', resolve)), sleep(1000)]);
      replica.exit = child.exitCode !== null || child.signalCode !== null ? { code: child.exitCode, signal: child.signalCode } : undefined;
    }
    const who = `replica ${replica.index} (pid ${replica.pid})`;
    if (replica.exit?.signal) {
      const number = signalNumber(replica.exit.signal);
      return `${who} was killed by ${replica.exit.signal}${number === undefined ? '' : ` (exit code ${128 + number})`}`;
    }
    if (replica.exit) return `${who} exited with code ${replica.exit.code}`;
    return `${who} ended while the controller was not its parent (after a restart): exit code unknown`;
  }

  async #terminate(record: WorkloadRecord): Promise<void> {
    const alive = (): ReplicaRecord[] => record.replicas.filter((replica) => this.#isAlive(replica));
    for (const replica of alive()) signalGroup(replica.pid, 'SIGTERM');
    const deadline = Date.now() + this.#graceMs;
    while (alive().length > 0 && Date.now() < deadline) await sleep(25);
    for (const replica of alive()) signalGroup(replica.pid, 'SIGKILL');
    const killDeadline = Date.now() + 2000;
    while (alive().length > 0 && Date.now() < killDeadline) await sleep(25);
    const left = alive();
    if (left.length > 0) throw new Error(`local-process provider could not end pids ${left.map((replica) => replica.pid).join(', ')}`);
  }

  #file(ref: { readonly tenantId: string; readonly workloadId: string }): string {
    return join(this.#stateDir, ref.tenantId, `${ref.workloadId}.json`);
  }

  #read(ref: { readonly tenantId: string; readonly workloadId: string }): WorkloadRecord | undefined {
    try {
      return JSON.parse(readFileSync(this.#file(ref), 'utf8')) as WorkloadRecord;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  /** Write the pid file atomically (write, then rename), so a crash never leaves half of one. */
  #write(record: WorkloadRecord): void {
    const file = this.#file(record);
    mkdirSync(join(this.#stateDir, record.tenantId), { recursive: true });
    writeFileSync(`${file}.tmp`, `${JSON.stringify(record, null, 2)}\n`);
    renameSync(`${file}.tmp`, file);
  }
}

function inheritedEnv(): Record<string, string> {
  return Object.fromEntries(
    ['PATH', 'HOME', 'LANG', 'TZ'].flatMap((name) => (process.env[name] === undefined ? [] : [[name, process.env[name]]])),
  ) as Record<string, string>;
}

function signalNumber(signal: string): number | undefined {
  return (constants.signals as Readonly<Record<string, number | undefined>>)[signal];
}

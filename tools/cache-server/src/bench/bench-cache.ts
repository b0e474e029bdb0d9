#!/usr/bin/env node
// `pnpm bench:cache`: GET hits and PUTs of realistic artifact sizes against the cache server,
// started as a second process on loopback. Bounded by request count (and a time cap per run);
// reports medians over rounds, with the machine it ran on. Progress goes to stderr.
import autocannon from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, platform, release, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const WRITE = 'bench-write-token-0123456789';
const READ = 'bench-read-token-0123456789';
const CONNECTIONS = 4;
const RUN_CAP_SECONDS = 20;

/** One artifact size of the benchmark, with how many requests a run makes. */
const SIZES = [
  { label: '32 KiB', bytes: 32 * 1024, requests: 400 },
  { label: '512 KiB', bytes: 512 * 1024, requests: 200 },
  { label: '4 MiB', bytes: 4 * 1024 * 1024, requests: 60 },
] as const;

interface RunFigures {
  readonly requestsPerSecond: number;
  readonly megabytesPerSecond: number;
  readonly p99Ms: number;
}

interface Row extends RunFigures {
  readonly operation: 'GET hit' | 'PUT';
  readonly size: string;
  readonly requests: number;
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
};

const say = (text: string): void => {
  process.stderr.write(`${text}\n`);
};

async function startServer(dir: string): Promise<{ url: string; child: ChildProcess }> {
  const tokens = join(dir, 'tokens.json');
  writeFileSync(
    tokens,
    JSON.stringify({
      tokens: [
        { name: 'bench-write', scope: 'read-write', token: WRITE },
        { name: 'bench-read', scope: 'read', token: READ },
      ],
    }),
  );
  const main = fileURLToPath(new URL('../main.js', import.meta.url));
  const child = spawn(
    process.execPath,
    [main, '--port', '0', '--dir', join(dir, 'store'), '--tokens', tokens, '--log-level', 'warn', '--max-entry-size', '64MB'],
    {
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  return new Promise((resolve, reject) => {
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
      const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(stderr)?.[1];
      if (url) resolve({ url, child });
    });
    child.on('exit', (code) => reject(new Error(`the cache server exited with ${code}: ${stderr}`)));
  });
}

async function run(options: autocannon.Options, bytes: number, expected: number): Promise<RunFigures> {
  // autocannon ends a run on its next sample tick (1 s by default): sample every 10 ms so the
  // measured duration is not rounded up to whole seconds.
  const instance = autocannon({ connections: CONNECTIONS, timeout: RUN_CAP_SECONDS, sampleInt: 10, ...options });
  const cap = setTimeout(() => (instance as unknown as { stop(): void }).stop(), RUN_CAP_SECONDS * 1000);
  const result = await instance;
  clearTimeout(cap);
  if (result['2xx'] !== expected || result.errors > 0)
    throw new Error(
      `${options.method ?? 'GET'} run: ${result['2xx']} of ${expected} requests answered 2xx (${result.non2xx} other, ${result.errors} errors)`,
    );
  // result.duration is rounded to 10 ms; the start and finish stamps give milliseconds.
  const seconds = (result.finish.getTime() - result.start.getTime()) / 1000;
  const requestsPerSecond = result['2xx'] / seconds;
  return { requestsPerSecond, megabytesPerSecond: (requestsPerSecond * bytes) / 1024 / 1024, p99Ms: result.latency.p99 };
}

function format(rows: readonly Row[], rounds: number): string {
  const header = ['operation', 'size', 'requests/run', 'req/s (median)', 'MiB/s (median)', 'p99 ms (median)'];
  const lines = rows.map((row) => [
    row.operation,
    row.size,
    String(row.requests),
    row.requestsPerSecond.toFixed(0),
    row.megabytesPerSecond.toFixed(1),
    row.p99Ms.toFixed(0),
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => line[column]?.length ?? 0)));
  const render = (cells: readonly string[]): string => `| ${cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join(' | ')} |`;
  return [
    render(header),
    `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`,
    ...lines.map(render),
    '',
    `${rounds} round(s), ${CONNECTIONS} connections, loopback; server: alphaswarm-cache-server (--log-level warn) in its own process.`,
  ].join('\n');
}

const { values } = parseArgs({
  options: {
    rounds: { type: 'string', default: '3' },
    json: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});
if (values.help) {
  process.stdout.write(`Usage: pnpm bench:cache [--rounds <n>] [--json]

GET hits and PUTs of ${SIZES.map((size) => size.label).join(', ')} entries against the cache server on loopback,
${CONNECTIONS} connections, a fixed number of requests per run; medians over the rounds (default 3).
`);
} else {
  const rounds = Number(values.rounds);
  if (!Number.isInteger(rounds) || rounds < 1) {
    process.stderr.write(`--rounds "${values.rounds}" is not a positive integer\n`);
    process.exitCode = 1;
  } else {
    const dir = mkdtempSync(join(tmpdir(), 'cache-server-bench-'));
    const { url, child } = await startServer(dir);
    try {
      const rows: Row[] = [];
      for (const size of SIZES) {
        const body = Buffer.alloc(size.bytes, 0x5a);
        const puts: RunFigures[] = [];
        const gets: RunFigures[] = [];
        for (let round = 1; round <= rounds; round++) {
          let next = 0;
          const prefix = `${size.bytes}r${round}`;
          say(`[bench:cache] ${size.label} round ${round}/${rounds}: ${size.requests} PUTs`);
          puts.push(
            await run(
              {
                url,
                method: 'PUT',
                headers: { authorization: `Bearer ${WRITE}`, 'content-type': 'application/octet-stream' },
                body,
                amount: size.requests,
                requests: [{ setupRequest: (request) => ({ ...request, path: `/v1/cache/${prefix}n${next++}` }) }],
              },
              size.bytes,
              size.requests,
            ),
          );
          let hit = 0;
          say(`[bench:cache] ${size.label} round ${round}/${rounds}: ${size.requests} GET hits`);
          gets.push(
            await run(
              {
                url,
                method: 'GET',
                headers: { authorization: `Bearer ${READ}` },
                amount: size.requests,
                requests: [{ setupRequest: (request) => ({ ...request, path: `/v1/cache/${prefix}n${hit++ % size.requests}` }) }],
              },
              size.bytes,
              size.requests,
            ),
          );
        }
        for (const [operation, figures] of [
          ['GET hit', gets],
          ['PUT', puts],
        ] as const) {
          rows.push({
            operation,
            size: size.label,
            requests: size.requests,
            requestsPerSecond: median(figures.map((figure) => figure.requestsPerSecond)),
            megabytesPerSecond: median(figures.map((figure) => figure.megabytesPerSecond)),
            p99Ms: median(figures.map((figure) => figure.p99Ms)),
          });
        }
      }
      const machine = {
        cpu: cpus()[0]?.model ?? 'unknown',
        cores: cpus().length,
        memoryGiB: Math.round(totalmem() / 1024 ** 3),
        os: `${platform()} ${release()}`,
        node: process.version,
        loadAverage1m: Number((loadavg()[0] ?? 0).toFixed(2)),
      };
      if (values.json) process.stdout.write(`${JSON.stringify({ machine, rounds, connections: CONNECTIONS, rows }, null, 2)}\n`);
      else
        process.stdout.write(
          `${format(rows, rounds)}\nMachine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, ${machine.os}, Node ${machine.node}; load average (1 min) at the end: ${machine.loadAverage1m}\n`,
        );
    } finally {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
      rmSync(dir, { recursive: true, force: true });
    }
  }
}

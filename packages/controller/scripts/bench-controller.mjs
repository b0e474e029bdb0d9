#!/usr/bin/env node
// The controller's load figure: starts the built controller (embedded PGlite, in-process provider)
// on 127.0.0.1 in a temporary data directory, then drives it with autocannon from this process over
// loopback: a fixed number of list requests and of create requests (each with a unique name), each
// run `--runs` times. Prints throughput and p99 latency as medians over the runs, and every non-2xx.
// Run it with `pnpm bench:controller` (builds the controller first). Loopback only; bounded by count.
import autocannon from 'autocannon';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const usage = `Usage: node packages/controller/scripts/bench-controller.mjs [--requests <n>] [--connections <n>] [--runs <n>] [--json]

  --requests <n>      requests per scenario and run (default 500)
  --connections <n>   concurrent connections (default 16)
  --runs <n>          runs per scenario; the medians are reported (default 3)
  --json              print the results as JSON
`;

const { values } = parseArgs({
  options: {
    requests: { type: 'string', default: '500' },
    connections: { type: 'string', default: '16' },
    runs: { type: 'string', default: '3' },
    json: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (values.help) {
  process.stdout.write(usage);
  process.exit(0);
}
const requests = Number(values.requests);
const connections = Number(values.connections);
const runs = Number(values.runs);
for (const [name, value] of Object.entries({ requests, connections, runs })) {
  if (!Number.isInteger(value) || value < 1) {
    process.stderr.write(`ASW-241: --${name} "${values[name]}" is not a positive integer\n`);
    process.exit(1);
  }
}

const main = fileURLToPath(new URL('../dist/main.js', import.meta.url));
const dataDir = await mkdtemp(join(tmpdir(), 'controller-bench-'));
const controller = spawn(
  process.execPath,
  [main, '--port', '0', '--data-dir', dataDir, '--provider', 'in-process', '--log-level', 'error'],
  {
    stdio: ['ignore', 'pipe', 'inherit'],
  },
);
const url = await new Promise((resolve, reject) => {
  let output = '';
  controller.stdout.on('data', (chunk) => {
    output += chunk;
    const match = /listening on (http:\/\/\S+)/.exec(output);
    if (match) resolve(match[1]);
  });
  controller.once('exit', (code) => reject(new Error(`the controller exited with ${code} before listening`)));
});

const headers = {
  'x-alphaswarm-tenant': 'bench',
  'x-alphaswarm-principal': 'bench',
  'x-alphaswarm-roles': 'operator',
  'content-type': 'application/json',
};
let created = 0;
const scenarios = {
  create: () => ({
    method: 'POST',
    path: '/manage/workloads',
    setupRequest: (request) => ({
      ...request,
      body: JSON.stringify({ name: `bench-${++created}`, spec: { image: 'bench:1', replicas: 1 } }),
    }),
  }),
  list: () => ({ method: 'GET', path: '/manage/workloads' }),
};

const median = (numbers) => [...numbers].sort((a, b) => a - b)[Math.floor(numbers.length / 2)];
const results = {};
try {
  for (const [name, request] of Object.entries(scenarios)) {
    const samples = [];
    for (let run = 0; run < runs; run++) {
      process.stderr.write(`bench ${name}: run ${run + 1}/${runs}, ${requests} requests over ${connections} connections\n`);
      const result = await autocannon({ url, connections, amount: requests, headers, requests: [request()] });
      samples.push(result);
    }
    results[name] = {
      requests,
      runs,
      connections,
      requestsPerSecond: median(samples.map((sample) => sample.requests.average)),
      p50Ms: median(samples.map((sample) => sample.latency.p50)),
      p99Ms: median(samples.map((sample) => sample.latency.p99)),
      non2xx: samples.reduce((sum, sample) => sum + sample.non2xx, 0),
      errors: samples.reduce((sum, sample) => sum + sample.errors + sample.timeouts, 0),
      workloadsWhenListing: name === 'list' ? created : undefined,
    };
  }
} finally {
  controller.kill('SIGTERM');
  await once(controller, 'exit');
  await rm(dataDir, { recursive: true, force: true });
}

if (values.json) process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
else {
  process.stdout.write('scenario  requests/s (median)  p50 ms  p99 ms  non-2xx  errors\n');
  for (const [name, r] of Object.entries(results)) {
    process.stdout.write(
      `${name.padEnd(8)}  ${String(Math.round(r.requestsPerSecond)).padStart(19)}  ${String(r.p50Ms).padStart(6)}  ${String(r.p99Ms).padStart(6)}  ${String(r.non2xx).padStart(7)}  ${String(r.errors).padStart(6)}\n`,
    );
  }
}
if (Object.values(results).some((r) => r.non2xx > 0 || r.errors > 0)) process.exitCode = 1;

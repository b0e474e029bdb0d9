import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startUpload, waitUntil } from '../__fixtures__/http-client.js';

const launcher = fileURLToPath(new URL('../../bin/alphaswarm-cache-server.js', import.meta.url));
const WRITE = 'write-token-0123456789abcdef';

interface Started {
  readonly child: ChildProcess;
  readonly url: string;
  readonly stderr: () => string;
  readonly exit: Promise<number | null>;
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cache-server-bin-'));
  writeFileSync(join(dir, 'tokens.json'), JSON.stringify({ tokens: [{ name: 'ci-default-branch', scope: 'read-write', token: WRITE }] }));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** Start the committed launcher (which loads the build) and wait for its "listening on" line. */
async function start(...extra: string[]): Promise<Started> {
  const child = spawn(
    process.execPath,
    [launcher, '--port', '0', '--dir', join(dir, 'store'), '--tokens', join(dir, 'tokens.json'), ...extra],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  child.stdout?.resume();
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  await waitUntil(
    () => /listening on http:\/\/127\.0\.0\.1:\d+/.test(stderr) || child.exitCode !== null,
    'the server says where it listens',
  );
  const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(stderr)?.[1];
  if (!url) throw new Error(`the server did not start: ${stderr}`);
  return { child, url, stderr: () => stderr, exit };
}

describe('the alphaswarm-cache-server executable', () => {
  it('serves on a free port and exits 0 on SIGTERM, after the upload in progress is stored', async () => {
    const server = await start('--shutdown-grace', '60');
    expect((await fetch(`${server.url}/health`)).status).toBe(200);
    const upload = await startUpload(server.url, '300', 2000, WRITE);
    upload.send(Buffer.alloc(1000, 3));
    await waitUntil(() => readdirSync(join(dir, 'store', 'tmp')).length === 1, 'the upload is being written');
    server.child.kill('SIGTERM');
    await waitUntil(() => server.stderr().includes('SIGTERM, finishing uploads in progress'), 'the server takes the signal');
    upload.send(Buffer.alloc(1000, 4));
    expect(await upload.status).toBe(200);
    expect(await server.exit).toBe(0);
    expect(server.stderr()).toContain('alphaswarm cache server: stopped');
    expect(readFileSync(join(dir, 'store', 'entries', '300')).equals(Buffer.concat([Buffer.alloc(1000, 3), Buffer.alloc(1000, 4)]))).toBe(
      true,
    );
    await expect(fetch(`${server.url}/health`)).rejects.toThrow('fetch failed');
  });

  it('exits 1 with the error code and no stack on a bad option', async () => {
    const child = spawn(process.execPath, [launcher, '--port', 'eighty'], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(1);
    expect(stderr).toBe('ASW-902: --port "eighty" is not a port: use an integer from 0 to 65535 (0 picks a free port)\n');
  });

  it('says how to build when the launcher finds no build', async () => {
    mkdirSync(join(dir, 'package', 'bin'), { recursive: true });
    copyFileSync(launcher, join(dir, 'package', 'bin', 'cache-server.js'));
    writeFileSync(join(dir, 'package', 'package.json'), JSON.stringify({ type: 'module' }));
    const child = spawn(process.execPath, [join(dir, 'package', 'bin', 'cache-server.js'), '--help'], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    expect(await new Promise((resolve) => child.on('exit', resolve))).toBe(1);
    expect(stderr).toBe('alphaswarm-cache-server is not built yet: run `pnpm nx run cache-server:build`, then run it again.\n');
  });
});

// Test helpers: raw HTTP requests (the path exactly as given, chunked bodies) and uploads
// driven byte by byte over a socket, for what fetch cannot send.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { connect, type Socket } from 'node:net';
import { join, relative } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/** A response as the tests look at it. */
export interface RawResponse {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: Buffer;
}

/** Send one request with the path exactly as given; `chunked` sends the body without a Content-Length. */
export function rawRequest(
  base: string,
  options: { method: string; path: string; headers?: Record<string, string>; body?: Buffer; chunked?: boolean },
): Promise<RawResponse> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { ...options.headers };
    if (options.body && !options.chunked) headers['content-length'] = String(options.body.length);
    const req = httpRequest({ host: hostname, port, method: options.method, path: options.path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    if (options.body) req.write(options.body);
    req.end();
  });
}

/** An upload whose body is sent piece by piece over its own connection. */
export interface ManualUpload {
  /** Send more of the body. */
  send(bytes: Buffer): void;
  /** Drop the connection without finishing the body. */
  abort(): void;
  /** The status line's code, once the server answers (rejects when the connection closes first). */
  readonly status: Promise<number>;
}

/** Start `PUT /v1/cache/<hash>` declaring `length` bytes, with `token` as the bearer token. */
export function startUpload(base: string, hash: string, length: number, token: string): Promise<ManualUpload> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const socket: Socket = connect({ host: hostname, port: Number(port) }, () => {
      socket.write(
        `PUT /v1/cache/${hash} HTTP/1.1\r\nHost: ${hostname}:${port}\r\nAuthorization: Bearer ${token}\r\nContent-Type: application/octet-stream\r\nContent-Length: ${length}\r\n\r\n`,
      );
      resolve({ send: (bytes) => socket.write(bytes), abort: () => socket.destroy(), status });
    });
    let received = '';
    const status = new Promise<number>((resolveStatus, rejectStatus) => {
      socket.on('data', (chunk: Buffer) => {
        received += chunk.toString('latin1');
        const match = /^HTTP\/1\.1 (\d{3})/.exec(received);
        if (match) resolveStatus(Number(match[1]));
      });
      socket.on('close', () => rejectStatus(new Error(`connection closed before a status line (got ${JSON.stringify(received)})`)));
      socket.on('error', () => undefined);
    });
    status.catch(() => undefined);
    socket.on('error', reject);
  });
}

/** Every file under `dir` (relative path → SHA-256 of its bytes): what a storage folder holds. */
export function snapshotFolder(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (folder: string): void => {
    for (const name of readdirSync(folder).sort()) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else files[relative(dir, path)] = createHash('sha256').update(readFileSync(path)).digest('hex');
    }
  };
  if (existsSync(dir)) walk(dir);
  return files;
}

/** Wait until `condition` holds (polling), or fail after `timeoutMs`. */
export async function waitUntil(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await sleep(10);
  }
}

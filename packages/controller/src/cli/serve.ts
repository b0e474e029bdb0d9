import type { WorkloadProvider } from '@alphaswarm/core';
import { mkdirSync } from 'node:fs';
import { isIP } from 'node:net';
import { join } from 'node:path';
import { createJwtVerifier, type TokenVerifier } from '../auth/jwt-verifier.js';
import { loadJwtKey } from '../auth/load-jwt-key.js';
import { InProcessWorkloadProvider } from '../providers/in-process-workload-provider.js';
import { LocalProcessWorkloadProvider } from '../providers/local-process-workload-provider.js';
import { createManageServer } from '../server/create-manage-server.js';
import type { ControlStore } from '../store/control-store.js';
import { openStore } from '../store/open-store.js';
import { StoreOpenError } from '../store/store-open-error.js';
import { CliError } from './cli-error.js';
import { lockDataDir } from './data-dir-lock.js';
import type { ServeArgs } from './parse-serve-args.js';

/** A running controller: where it listens and how to stop it. */
export interface RunningController {
  /** The bound base URL, e.g. `http://127.0.0.1:41234`. */
  readonly url: string;
  /** Where its state lives, for people, e.g. `PGlite in /srv/controller/pglite`. */
  readonly store: string;
  /** Stop accepting connections, finish open requests, stop reconciling, close the store, release the data directory. Workloads keep running. */
  close(): Promise<void>;
}

/** What `serve` needs; everything but `help` of {@link ServeArgs}, with defaults for tests. */
export type ServeOptions = Omit<ServeArgs, 'help' | 'provider' | 'reconcileIntervalMs' | 'stopGraceMs' | 'trustIdentityHeaders'> &
  Partial<Pick<ServeArgs, 'provider' | 'reconcileIntervalMs' | 'stopGraceMs' | 'trustIdentityHeaders'>>;

/**
 * Start the manage API on `host:port` (port 0 picks a free one) over the store in `dataDir` (or
 * `databaseUrl`) and report the bound URL. Off loopback it refuses to start without a token key;
 * user mistakes (a port in use, a data directory in use, an unreachable database, an unreadable
 * key) reject with a {@link CliError} that says what to do.
 */
export async function serve(options: ServeOptions): Promise<RunningController> {
  const {
    port,
    host,
    logLevel,
    dataDir,
    databaseUrl,
    provider = 'local-process',
    reconcileIntervalMs = 2000,
    stopGraceMs = 5000,
  } = options;
  const loopback = isLoopback(host);
  const verifyToken = await tokenVerifier(options);
  if (!loopback && !verifyToken) {
    throw new CliError(
      'ASW-217',
      `--host ${host} is not a loopback address: callers there must prove who they are, so give --jwt-key <public key file> or --jwks-url <url> (or bind 127.0.0.1)`,
    );
  }
  mkdirSync(dataDir, { recursive: true });
  const unlock = lockDataDir(dataDir);
  let store: ControlStore | undefined;
  try {
    store = await openStore(
      databaseUrl ? { kind: 'postgres', connectionString: databaseUrl } : { kind: 'pglite', dataDir: join(dataDir, 'pglite') },
    ).catch((error: unknown) => {
      throw error instanceof StoreOpenError ? new CliError('ASW-240', `${error.message}: check DATABASE_URL or --data-dir`) : error;
    });
    const workloads: WorkloadProvider =
      provider === 'in-process'
        ? new InProcessWorkloadProvider()
        : new LocalProcessWorkloadProvider({ stateDir: join(dataDir, 'processes'), stopGraceMs });
    const trustIdentityHeaders = loopback || (options.trustIdentityHeaders ?? false);
    const { app } = await createManageServer({
      store,
      provider: workloads,
      auth: { trustIdentityHeaders, ...(verifyToken ? { verifyToken } : {}) },
      reconcileIntervalMs,
      logLevel,
    });
    if (!loopback && trustIdentityHeaders) {
      app.log.warn(
        { host },
        '--trust-identity-headers: requests without a bearer token are identified by their x-alphaswarm-* headers; only run this behind a gateway that sets them',
      );
    }
    await app.listen({ port, host }).catch(async (error: NodeJS.ErrnoException) => {
      await app.close();
      if (error.code === 'EADDRINUSE') {
        throw new CliError(
          'ASW-218',
          `port ${port} on ${host} is already in use: stop what listens there, or pass --port <another> (0 picks a free one)`,
        );
      }
      if (error.code === 'EADDRNOTAVAIL' || error.code === 'EACCES') {
        throw new CliError(
          'ASW-218',
          `cannot listen on ${host}:${port} (${error.code}): use an address of this machine and a port you may bind`,
        );
      }
      throw error;
    });
    const address = app.server.address();
    const boundPort = typeof address === 'object' && address ? address.port : port;
    const shownHost = host.includes(':') ? `[${host}]` : host;
    const opened = store;
    return {
      url: `http://${shownHost}:${boundPort}`,
      store: opened.location,
      close: async () => {
        await app.close();
        await opened.close();
        unlock();
      },
    };
  } catch (error) {
    await store?.close().catch(() => undefined);
    unlock();
    throw error;
  }
}

async function tokenVerifier({ jwtKey, jwksUrl, jwtIssuer, jwtAudience }: ServeOptions): Promise<TokenVerifier | undefined> {
  const claims = { ...(jwtIssuer ? { issuer: jwtIssuer } : {}), ...(jwtAudience ? { audience: jwtAudience } : {}) };
  if (jwksUrl) return createJwtVerifier({ key: new URL(jwksUrl), ...claims });
  if (!jwtKey) return undefined;
  const key = await loadJwtKey(jwtKey).catch((error: Error) => {
    throw new CliError('ASW-215', `${error.message}: give the file with the public key that verifies the tokens`);
  });
  return createJwtVerifier({ key, ...claims });
}

/** True for `localhost` and addresses in 127.0.0.0/8 or ::1. */
export function isLoopback(host: string): boolean {
  if (host === 'localhost') return true;
  if (isIP(host) === 4) return host.startsWith('127.');
  return host === '::1' || host === '0:0:0:0:0:0:0:1' || host.startsWith('::ffff:127.');
}

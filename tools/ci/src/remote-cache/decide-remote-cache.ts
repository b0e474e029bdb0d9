import { readFileSync } from 'node:fs';
import { CI_CACHE_WIRING, cacheScopeFor, type TokenScope } from '@alphaswarm/cache-server';

/** The variable the workflow hands this step: the token the job may use (chosen by the workflow, never both). */
export const JOB_TOKEN_ENV = 'NX_CACHE_TOKEN';

/** A cache hash no task produces: the probe reads it to check the token without touching an entry. */
const PROBE_HASH = 'alphaswarm-ci-token-probe';

/** What {@link decideRemoteCache} found. */
export interface RemoteCacheDecision {
  /** Set Nx's variables for the rest of the job. */
  readonly enabled: boolean;
  /** What people read in the job log. */
  readonly message: string;
  /** A problem worth a CI annotation (the server is configured but not usable). */
  readonly warning: boolean;
  /** The scope this job's trigger gets under `cacheScopeFor`, when the trigger is known. */
  readonly scope: TokenScope | undefined;
  /** The variables to export when enabled (Nx reads them). */
  readonly env: Readonly<Record<string, string>>;
}

type Fetch = (url: string, init: { headers?: Record<string, string>; signal: AbortSignal }) => Promise<{ status: number }>;

function defaultBranchOf(eventPath: string | undefined): string | undefined {
  if (!eventPath) return undefined;
  try {
    const event = JSON.parse(readFileSync(eventPath, 'utf8')) as { repository?: { default_branch?: unknown } };
    return typeof event.repository?.default_branch === 'string' ? event.repository.default_branch : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Decide whether this CI job uses the remote cache. Opt-in and fail-soft, because Nx 23 stops the
 * whole run on any failed cache request: no server URL → off; no token (a fork's pull request gets
 * no secrets) → off, never an empty token (a 401); the server must answer `/health` and accept the
 * token on a read; only then are `NX_SELF_HOSTED_REMOTE_CACHE_SERVER` and `…_ACCESS_TOKEN` set.
 */
export async function decideRemoteCache(
  env: Readonly<Record<string, string | undefined>>,
  fetchImpl: Fetch = fetch,
  timeoutMs = 5000,
): Promise<RemoteCacheDecision> {
  const url = env[CI_CACHE_WIRING.serverUrlVariable]?.trim().replace(/\/+$/, '') ?? '';
  const token = env[JOB_TOKEN_ENV]?.trim() ?? '';
  const defaultBranch = defaultBranchOf(env['GITHUB_EVENT_PATH']);
  const scope =
    env['GITHUB_EVENT_NAME'] && env['GITHUB_REF'] && defaultBranch
      ? cacheScopeFor({ event: env['GITHUB_EVENT_NAME'], ref: env['GITHUB_REF'], defaultBranch })
      : undefined;
  const off = (message: string, warning = false): RemoteCacheDecision => ({ enabled: false, message, warning, scope, env: {} });
  if (url === '')
    return off(`remote cache off: ${CI_CACHE_WIRING.serverUrlVariable} is not set (the remote cache is opt-in); Nx uses its local cache`);
  if (token === '') {
    return off(
      `remote cache off: this job has no token (${JOB_TOKEN_ENV} is empty — a pull request from a fork gets no secrets); Nx uses its local cache`,
    );
  }
  try {
    const health = await fetchImpl(`${url}${CI_CACHE_WIRING.healthPath}`, { signal: AbortSignal.timeout(timeoutMs) });
    if (health.status !== 200)
      return off(`remote cache off: ${url}${CI_CACHE_WIRING.healthPath} answered ${health.status}; Nx uses its local cache`, true);
    const probe = await fetchImpl(`${url}/v1/cache/${PROBE_HASH}`, {
      headers: { authorization: `Bearer ${token}` },
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (probe.status === 401)
      return off(
        `remote cache off: ${url} refused this job's token (401); check the ${CI_CACHE_WIRING.readTokenSecret} / ${CI_CACHE_WIRING.writeTokenSecret} secrets`,
        true,
      );
    if (probe.status !== 404 && probe.status !== 200)
      return off(`remote cache off: ${url} answered a read with ${probe.status}; Nx uses its local cache`, true);
  } catch (error) {
    return off(`remote cache off: ${url} cannot be reached (${(error as Error).message}); Nx uses its local cache`, true);
  }
  return {
    enabled: true,
    message: `remote cache on: ${url}${scope ? ` with a ${scope} token (${env['GITHUB_EVENT_NAME']} on ${env['GITHUB_REF']})` : ''}`,
    warning: false,
    scope,
    env: { [CI_CACHE_WIRING.serverEnv]: url, [CI_CACHE_WIRING.tokenEnv]: token },
  };
}

import type { TokenScope } from '../auth/tokens-schema.js';

/**
 * The names a CI workflow uses to turn the remote cache on, for the workflow generator and the
 * README (a test holds the README to them).
 */
export const CI_CACHE_WIRING = Object.freeze({
  /** Read by the Nx client: the server's base URL. */
  serverEnv: 'NX_SELF_HOSTED_REMOTE_CACHE_SERVER',
  /** Read by the Nx client: the bearer token. */
  tokenEnv: 'NX_SELF_HOSTED_REMOTE_CACHE_ACCESS_TOKEN',
  /** CI variable (not secret) holding the server's base URL; unset means no remote cache. */
  serverUrlVariable: 'NX_CACHE_SERVER_URL',
  /** CI secret holding the `read` token, given to every job that is not a push to the default branch. */
  readTokenSecret: 'NX_CACHE_READ_TOKEN',
  /** CI secret holding the `read-write` token, given only to pushes to the default branch. */
  writeTokenSecret: 'NX_CACHE_WRITE_TOKEN',
  /** Probe this path first: Nx 23 stops the run when the server cannot be reached. */
  healthPath: '/health',
});

/** What started a CI job, as far as the cache cares. */
export interface CiTrigger {
  /** The event name, e.g. `push`, `pull_request`, `merge_group`, `schedule`. */
  readonly event: string;
  /** The git ref the job runs on, e.g. `refs/heads/main` or `refs/pull/12/merge`. */
  readonly ref: string;
  /** The repository's default branch, e.g. `main`. */
  readonly defaultBranch: string;
}

/**
 * The token scope a CI job gets: `read-write` only for a push to the default branch (reviewed,
 * merged code), `read` for everything else — pull requests, forks, merge queues, other branches
 * and tags — so no unreviewed code can put an artifact where the default branch will restore it
 * (CREEP, CVE-2025-36852).
 */
export function cacheScopeFor(trigger: CiTrigger): TokenScope {
  return trigger.event === 'push' && trigger.ref === `refs/heads/${trigger.defaultBranch}` ? 'read-write' : 'read';
}

import createClient, { type Client } from 'openapi-fetch';
import type { paths } from './generated/manage-api.js';
import { ManageApiConnectionError } from './manage-api-connection-error.js';
import { ManageApiRequestError } from './manage-api-request-error.js';
import type {
  ApiError,
  AuditLog,
  CreateWorkloadRequest,
  KillSwitchState,
  Role,
  Session,
  SetKillSwitchRequest,
  Workload,
  WorkloadHistory,
} from './manage-api-types.js';
import { withRetries, type RetryOptions } from './with-retries.js';

/**
 * Who the client acts as: the identity headers an authenticating gateway would set (the controller
 * trusts them on loopback or with --trust-identity-headers), or a signed bearer token (JWT).
 */
export type ManageCredentials = ManageIdentity | { readonly bearerToken: string };

/** Identity headers: who the caller says it is, for a controller that trusts them. */
export interface ManageIdentity {
  /** Sent as `x-alphaswarm-tenant`. */
  readonly tenant: string;
  /** Sent as `x-alphaswarm-principal`. */
  readonly principal: string;
  /** Sent comma-separated as `x-alphaswarm-roles`. */
  readonly roles: readonly Role[];
}

/** Options of {@link createManageClient}. */
export interface ManageClientOptions {
  /** The controller's base URL, e.g. `http://127.0.0.1:4100`. */
  readonly baseUrl: string;
  /** Who every call acts as. */
  readonly identity: ManageCredentials;
  /** Retrying of idempotent calls; 2 retries from 100 ms by default. */
  readonly retry?: RetryOptions;
  /** The fetch to use; the global one by default. */
  readonly fetch?: (request: Request) => Promise<Response>;
}

/**
 * The manage API for one identity: typed calls that return data, or throw
 * {@link ManageApiRequestError} when the API refused or failed the call and
 * {@link ManageApiConnectionError} when no answer came at all.
 */
export interface ManageClient {
  /** The generated, untyped-error client underneath, for calls the wrapper does not cover. */
  readonly raw: Client<paths>;
  /** `GET /manage/session`: the caller and what the API lets it do now. */
  session(): Promise<Session>;
  /** `GET /manage/workloads`: the workloads of the caller's tenant. */
  listWorkloads(): Promise<readonly Workload[]>;
  /** `GET /manage/workloads/{workloadId}`. */
  getWorkload(workloadId: string): Promise<Workload>;
  /** `GET /manage/workloads/{workloadId}/history`: every state change, oldest first. */
  getWorkloadHistory(workloadId: string): Promise<WorkloadHistory>;
  /** `POST /manage/workloads`: create and start a workload. */
  createWorkload(request: CreateWorkloadRequest): Promise<Workload>;
  /** `POST /manage/workloads/{workloadId}/stop`. */
  stopWorkload(workloadId: string): Promise<Workload>;
  /** `DELETE /manage/workloads/{workloadId}`. */
  deleteWorkload(workloadId: string): Promise<void>;
  /** `GET /manage/control/kill-switch`. */
  getKillSwitch(): Promise<KillSwitchState>;
  /** `PUT /manage/control/kill-switch` (platform admins only, as the API decides). */
  setKillSwitch(request: SetKillSwitchRequest): Promise<KillSwitchState>;
  /** `GET /manage/control/audit`: a page of the audit log, newest first; pass `nextBefore` as `before` for the next. */
  getAuditLog(page?: { readonly limit?: number; readonly before?: number }): Promise<AuditLog>;
}

interface Outcome<D> {
  readonly data?: D;
  readonly error?: unknown;
  readonly response: Response;
}

/**
 * The local API wrapper over the client generated from the controller's OpenAPI document: it adds
 * the identity headers, retries idempotent calls, turns error bodies into typed errors and a
 * missing answer into a {@link ManageApiConnectionError} that names the URL and the cause.
 * Authorization, tenancy and the kill switch are the API's to decide; this only reports them.
 */
export function createManageClient({
  baseUrl,
  identity,
  retry = { retries: 2, delayMs: 100 },
  fetch = globalThis.fetch,
}: ManageClientOptions): ManageClient {
  const retrying = withRetries(fetch, retry);
  const raw = createClient<paths>({
    baseUrl,
    fetch: async (request) => {
      try {
        return await retrying(request);
      } catch (cause) {
        // fetch reports "no answer" (refused, unreachable, reset) as a TypeError; anything else is not ours to rename.
        throw cause instanceof TypeError ? new ManageApiConnectionError(request.method, request.url, cause) : cause;
      }
    },
    headers:
      'bearerToken' in identity
        ? { authorization: `Bearer ${identity.bearerToken}` }
        : {
            'x-alphaswarm-tenant': identity.tenant,
            'x-alphaswarm-principal': identity.principal,
            'x-alphaswarm-roles': identity.roles.join(','),
          },
  });
  const byId = (workloadId: string) => ({ params: { path: { workloadId } } });
  return {
    raw,
    session: () => unwrap('GET /manage/session', raw.GET('/manage/session')),
    listWorkloads: async () => (await unwrap('GET /manage/workloads', raw.GET('/manage/workloads'))).items,
    getWorkload: (workloadId) => unwrap('GET /manage/workloads/{workloadId}', raw.GET('/manage/workloads/{workloadId}', byId(workloadId))),
    getWorkloadHistory: (workloadId) =>
      unwrap('GET /manage/workloads/{workloadId}/history', raw.GET('/manage/workloads/{workloadId}/history', byId(workloadId))),
    createWorkload: (body) => unwrap('POST /manage/workloads', raw.POST('/manage/workloads', { body })),
    stopWorkload: (workloadId) =>
      unwrap('POST /manage/workloads/{workloadId}/stop', raw.POST('/manage/workloads/{workloadId}/stop', byId(workloadId))),
    deleteWorkload: async (workloadId) => {
      await unwrap('DELETE /manage/workloads/{workloadId}', raw.DELETE('/manage/workloads/{workloadId}', byId(workloadId)));
    },
    getKillSwitch: () => unwrap('GET /manage/control/kill-switch', raw.GET('/manage/control/kill-switch')),
    setKillSwitch: (body) => unwrap('PUT /manage/control/kill-switch', raw.PUT('/manage/control/kill-switch', { body })),
    getAuditLog: (page = {}) => unwrap('GET /manage/control/audit', raw.GET('/manage/control/audit', { params: { query: page } })),
  };
}

async function unwrap<D>(operation: string, pending: Promise<Outcome<D>>): Promise<D> {
  const { data, error, response } = await pending;
  if (error !== undefined || !response.ok) {
    const body = isApiError(error) ? error : { code: 'ASW-299' as const, message: `unexpected ${response.status} without an error body` };
    throw new ManageApiRequestError(response.status, body, operation);
  }
  // An ok response carries the success body openapi-fetch parsed (nothing for a 204).
  return data as D;
}

/** True for an error body shaped as the API's `ApiError`; a proxy in between may send something else. */
function isApiError(value: unknown): value is ApiError {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof Reflect.get(value, 'code') === 'string' &&
    typeof Reflect.get(value, 'message') === 'string'
  );
}

/**
 * Client (`alphaswarm_client`): the manage API through a client generated from the controller's
 * OpenAPI document, and a local API wrapper for client-side behaviour (identity headers, retries,
 * typed errors). It holds no authorization, tenancy or kill-switch logic of its own.
 *
 * @packageDocumentation
 */
export { manageUrl } from './manage-url.js';
export { createManageClient } from './create-manage-client.js';
export type { ManageClient, ManageClientOptions, ManageCredentials, ManageIdentity } from './create-manage-client.js';
export { ManageApiRequestError } from './manage-api-request-error.js';
export { ManageApiConnectionError } from './manage-api-connection-error.js';
export { withRetries } from './with-retries.js';
export type { RetryOptions } from './with-retries.js';
export type {
  Action,
  ApiError,
  AuditEntry,
  AuditLog,
  CreateWorkloadRequest,
  KillSwitchState,
  Principal,
  Role,
  Session,
  SetKillSwitchRequest,
  Workload,
  WorkloadEvent,
  WorkloadHistory,
  WorkloadSpec,
  WorkloadState,
} from './manage-api-types.js';
export type { components, operations, paths } from './generated/manage-api.js';

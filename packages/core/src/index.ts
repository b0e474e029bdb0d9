/**
 * Platform core (`alphaswarm_core`): shared value types, abstract contracts, auth and resource
 * filters, topology and versioned wire models. Imports nothing else from the workspace.
 *
 * @packageDocumentation
 */
export { ID_PATTERN, parseId } from './ids.js';
export type { Id, PrincipalId, TenantId, WorkloadId } from './ids.js';
export { canonicalJson } from './content/canonical-json.js';
export {
  CONTENT_ADDRESS_PATTERN,
  ContentAddressSchema,
  contentAddressOfBytes,
  contentAddressOfJson,
  parseContentAddress,
} from './content/content-address.js';
export type { ContentAddress } from './content/content-address.js';
export { ROLES } from './auth/role.js';
export type { Role } from './auth/role.js';
export { ACTIONS } from './auth/action.js';
export type { Action } from './auth/action.js';
export { ROLE_PERMISSIONS, permissionsOf } from './auth/role-permissions.js';
export type { Principal } from './auth/principal.js';
export type { AccessDecision, DenialReason } from './auth/access-decision.js';
export { checkAccess } from './auth/check-access.js';
export type { AccessRequest } from './auth/check-access.js';
export { INITIAL_KILL_SWITCH, KILL_SWITCH_BLOCKED_ACTIONS, isBlockedByKillSwitch, setKillSwitch } from './control/kill-switch-state.js';
export type { KillSwitchState } from './control/kill-switch-state.js';
export type { TenantResource } from './resources/tenant-resource.js';
export { isVisibleTo, scopeToTenant } from './resources/tenant-scope.js';
export { WORKLOAD_STATES, allowedNextStates, canTransition, isFinalState } from './workload/workload-state.js';
export type { WorkloadState } from './workload/workload-state.js';
export type { ProviderWorkload, ProviderWorkloadRef, ProviderWorkloadStatus, WorkloadProvider } from './workload/workload-provider.js';
export type { Cluster, ClusterNode, ClusterTopology, NodeArchitecture, NodeRole } from './topology/cluster-topology.js';
export { describeWireModel } from './wire/wire-model.js';
export type { JsonSchema, WireModel } from './wire/wire-model.js';
export { wireModels } from './wire/wire-models.js';
export { wireModelJsonSchema, wireModelJsonSchemas } from './wire/wire-json-schema.js';
export { ActionV1Schema } from './wire/action.js';
export type { ActionV1 } from './wire/action.js';
export { API_ERROR_CODES, ApiErrorV1Schema } from './wire/api-error.js';
export type { ApiErrorCode, ApiErrorV1 } from './wire/api-error.js';
export { AUDIT_ACTIONS, AuditEntryV1Schema } from './wire/audit-entry.js';
export type { AuditAction, AuditActionSchema, AuditEntryV1 } from './wire/audit-entry.js';
export { AuditLogV1Schema } from './wire/audit-log.js';
export type { AuditLogV1 } from './wire/audit-log.js';
export { CreateWorkloadRequestV1Schema } from './wire/create-workload-request.js';
export type { CreateWorkloadRequestV1 } from './wire/create-workload-request.js';
export { KillSwitchStateV1Schema } from './wire/kill-switch-state.js';
export type { KillSwitchStateV1 } from './wire/kill-switch-state.js';
export { PrincipalV1Schema } from './wire/principal.js';
export type { PrincipalV1 } from './wire/principal.js';
export { RoleV1Schema } from './wire/role.js';
export type { RoleV1 } from './wire/role.js';
export { SessionV1Schema } from './wire/session.js';
export type { SessionV1 } from './wire/session.js';
export { SetKillSwitchRequestV1Schema } from './wire/set-kill-switch-request.js';
export type { SetKillSwitchRequestV1 } from './wire/set-kill-switch-request.js';
export { WorkloadEventV1Schema } from './wire/workload-event.js';
export type { WorkloadEventV1 } from './wire/workload-event.js';
export { WorkloadHistoryV1Schema } from './wire/workload-history.js';
export type { WorkloadHistoryV1 } from './wire/workload-history.js';
export { WorkloadListV1Schema } from './wire/workload-list.js';
export type { WorkloadListV1 } from './wire/workload-list.js';
export { WorkloadSpecV1Schema } from './wire/workload-spec.js';
export type { WorkloadSpecV1 } from './wire/workload-spec.js';
export { WorkloadStateV1Schema } from './wire/workload-state.js';
export type { WorkloadStateV1 } from './wire/workload-state.js';
export { WorkloadV1Schema } from './wire/workload.js';
export type { WorkloadV1 } from './wire/workload.js';
export { BotSpecV1Schema, type BotSpecV1 } from './wire/bot-spec.js';

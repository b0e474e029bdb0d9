import type { components } from './generated/manage-api.js';

/** A workload as the controller records it. */
export type Workload = components['schemas']['Workload'];
/** What a workload runs. */
export type WorkloadSpec = components['schemas']['WorkloadSpec'];
/** A workload's lifecycle state. */
export type WorkloadState = components['schemas']['WorkloadState'];
/** The body of `POST /manage/workloads`. */
export type CreateWorkloadRequest = components['schemas']['CreateWorkloadRequest'];
/** The platform-wide kill switch (who set it, when and why), as the API reports it. */
export type KillSwitchState = components['schemas']['KillSwitchState'];
/** The body of `PUT /manage/control/kill-switch`. */
export type SetKillSwitchRequest = components['schemas']['SetKillSwitchRequest'];
/** The caller as the API sees it, with the permissions the API grants it. */
export type Session = components['schemas']['Session'];
/** A role a caller can claim through its identity. */
export type Role = components['schemas']['Role'];
/** The error body of every refused or failed call. */
export type ApiError = components['schemas']['ApiError'];
/** One recorded state change of a workload. */
export type WorkloadEvent = components['schemas']['WorkloadEvent'];
/** Every state change of one workload, oldest first. */
export type WorkloadHistory = components['schemas']['WorkloadHistory'];
/** One entry of the audit log: who did what, when and why. */
export type AuditEntry = components['schemas']['AuditEntry'];
/** A page of the audit log, newest first. */
export type AuditLog = components['schemas']['AuditLog'];
/** Who a caller is: principal id, tenant and roles. */
export type Principal = components['schemas']['Principal'];
/** An action the API grants or refuses, e.g. `workload:create`. */
export type Action = components['schemas']['Action'];

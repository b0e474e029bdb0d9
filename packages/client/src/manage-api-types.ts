import type { components } from './generated/manage-api.js';

type Schemas = components['schemas'];

/** A workload as the controller records it. */
export type Workload = Schemas['Workload'];
/** What a workload runs. */
export type WorkloadSpec = Schemas['WorkloadSpec'];
/** A workload's lifecycle state. */
export type WorkloadState = Schemas['WorkloadState'];
/** The body of `POST /manage/workloads`. */
export type CreateWorkloadRequest = Schemas['CreateWorkloadRequest'];
/** The platform-wide kill switch (who set it, when and why), as the API reports it. */
export type KillSwitchState = Schemas['KillSwitchState'];
/** The body of `PUT /manage/control/kill-switch`. */
export type SetKillSwitchRequest = Schemas['SetKillSwitchRequest'];
/** The caller as the API sees it, with the permissions the API grants it. */
export type Session = Schemas['Session'];
/** A role a caller can claim through its identity. */
export type Role = Schemas['Role'];
/** The error body of every refused or failed call. */
export type ApiError = Schemas['ApiError'];
/** One recorded state change of a workload. */
export type WorkloadEvent = Schemas['WorkloadEvent'];
/** Every state change of one workload, oldest first. */
export type WorkloadHistory = Schemas['WorkloadHistory'];
/** One entry of the audit log: who did what, when and why. */
export type AuditEntry = Schemas['AuditEntry'];
/** A page of the audit log, newest first. */
export type AuditLog = Schemas['AuditLog'];

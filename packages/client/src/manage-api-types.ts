import type { components } from './generated/manage-api.js';

type Schemas = components['schemas'];

/** Shapes of the manage API, as its generated contract defines them. */
export type Workload = Schemas['Workload'];
export type WorkloadSpec = Schemas['WorkloadSpec'];
export type WorkloadState = Schemas['WorkloadState'];
export type CreateWorkloadRequest = Schemas['CreateWorkloadRequest'];
export type KillSwitchState = Schemas['KillSwitchState'];
export type SetKillSwitchRequest = Schemas['SetKillSwitchRequest'];
export type Session = Schemas['Session'];
export type Role = Schemas['Role'];
export type ApiError = Schemas['ApiError'];

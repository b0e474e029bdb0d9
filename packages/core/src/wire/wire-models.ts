import { ActionV1Schema } from './action.js';
import { ApiErrorV1Schema } from './api-error.js';
import { AuditEntryV1Schema } from './audit-entry.js';
import { AuditLogV1Schema } from './audit-log.js';
import { BotSpecV1Schema } from './bot-spec.js';
import { CreateWorkloadRequestV1Schema } from './create-workload-request.js';
import { KillSwitchStateV1Schema } from './kill-switch-state.js';
import { PrincipalV1Schema } from './principal.js';
import { RoleV1Schema } from './role.js';
import { SessionV1Schema } from './session.js';
import { SetKillSwitchRequestV1Schema } from './set-kill-switch-request.js';
import { describeWireModel, type WireModel } from './wire-model.js';
import { WorkloadEventV1Schema } from './workload-event.js';
import { WorkloadHistoryV1Schema } from './workload-history.js';
import { WorkloadListV1Schema } from './workload-list.js';
import { WorkloadSpecV1Schema } from './workload-spec.js';
import { WorkloadStateV1Schema } from './workload-state.js';
import { WorkloadV1Schema } from './workload.js';

/** Every published wire model with its version. A model nested in another must be listed too. */
export const wireModels: readonly WireModel[] = [
  ActionV1Schema,
  ApiErrorV1Schema,
  AuditEntryV1Schema,
  AuditLogV1Schema,
  BotSpecV1Schema,
  CreateWorkloadRequestV1Schema,
  KillSwitchStateV1Schema,
  PrincipalV1Schema,
  RoleV1Schema,
  SessionV1Schema,
  SetKillSwitchRequestV1Schema,
  WorkloadEventV1Schema,
  WorkloadHistoryV1Schema,
  WorkloadListV1Schema,
  WorkloadSpecV1Schema,
  WorkloadStateV1Schema,
  WorkloadV1Schema,
].map(describeWireModel);

import {
  AuditLogV1Schema,
  CreateWorkloadRequestV1Schema,
  KillSwitchStateV1Schema,
  permissionsOf,
  SessionV1Schema,
  SetKillSwitchRequestV1Schema,
  WorkloadHistoryV1Schema,
  WorkloadListV1Schema,
  WorkloadV1Schema,
} from '@alphaswarm/core';
import { z } from 'zod';
import { defineRoute, type ManageRoute } from './manage-route.js';

const workloadParams = z.object({ workloadId: WorkloadV1Schema.shape.id });
const positiveInteger = (max: number) => z.coerce.number().int().min(1).max(max);
const auditQuery = z.strictObject({
  limit: positiveInteger(500).optional().describe('How many entries, 1-500 (default 50).'),
  before: positiveInteger(2 ** 31 - 1)
    .optional()
    .describe('Only entries with a smaller id: the `nextBefore` of the previous page.'),
});

/** The manage API (`/manage/*`): every route the controller serves and documents. */
export const manageRoutes: readonly ManageRoute[] = [
  defineRoute({
    method: 'GET',
    path: '/manage/session',
    operationId: 'getSession',
    summary: 'The caller: its principal, what it may do now, and the kill switch',
    tag: 'session',
    action: 'session:read',
    params: undefined,
    body: undefined,
    success: { status: 200, description: 'The caller’s session', schema: SessionV1Schema },
    handle: async (_input, { principal, controlPlane, authenticatedBy }) => ({
      principal: { id: principal.id, tenantId: principal.tenantId, roles: [...principal.roles] },
      permissions: permissionsOf(principal.roles),
      killSwitch: await controlPlane.killSwitch(),
      authenticatedBy,
      firstSeenAt: await controlPlane.recordSession(principal, authenticatedBy),
    }),
  }),
  defineRoute({
    method: 'GET',
    path: '/manage/workloads',
    operationId: 'listWorkloads',
    summary: 'List the workloads of the caller’s tenant',
    tag: 'workloads',
    action: 'workload:read',
    params: undefined,
    body: undefined,
    success: { status: 200, description: 'The tenant’s workloads, oldest first', schema: WorkloadListV1Schema },
    handle: async (_input, { principal, controlPlane }) => ({ items: await controlPlane.listWorkloads(principal) }),
  }),
  defineRoute({
    method: 'POST',
    path: '/manage/workloads',
    operationId: 'createWorkload',
    summary: 'Create a workload in the caller’s tenant and start it',
    tag: 'workloads',
    action: 'workload:create',
    params: undefined,
    body: CreateWorkloadRequestV1Schema,
    success: { status: 201, description: 'The workload, as started (committed before the answer)', schema: WorkloadV1Schema },
    conflicts: true,
    handle: async ({ body }, { principal, controlPlane }) => controlPlane.createWorkload(principal, body),
  }),
  defineRoute({
    method: 'GET',
    path: '/manage/workloads/{workloadId}',
    operationId: 'getWorkload',
    summary: 'Get one workload of the caller’s tenant',
    tag: 'workloads',
    action: 'workload:read',
    params: workloadParams,
    body: undefined,
    success: { status: 200, description: 'The workload', schema: WorkloadV1Schema },
    handle: async ({ params }, { controlPlane, requireVisible }) => requireVisible(await controlPlane.findWorkload(params.workloadId)),
  }),
  defineRoute({
    method: 'GET',
    path: '/manage/workloads/{workloadId}/history',
    operationId: 'getWorkloadHistory',
    summary: 'Every state change of one workload of the caller’s tenant, oldest first',
    tag: 'workloads',
    action: 'workload:read',
    params: workloadParams,
    body: undefined,
    success: { status: 200, description: 'The workload’s state history', schema: WorkloadHistoryV1Schema },
    handle: async ({ params }, { controlPlane, requireVisible }) => {
      const workload = requireVisible(await controlPlane.findWorkload(params.workloadId));
      return { workloadId: workload.id, items: await controlPlane.history(workload) };
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/manage/workloads/{workloadId}/stop',
    operationId: 'stopWorkload',
    summary: 'Stop a workload; stopping a stopped one changes nothing, stopping a failed one is refused (409)',
    tag: 'workloads',
    action: 'workload:stop',
    params: workloadParams,
    body: undefined,
    success: { status: 200, description: 'The workload, as stopped', schema: WorkloadV1Schema },
    conflicts: true,
    handle: async ({ params }, { principal, controlPlane, requireVisible }) =>
      controlPlane.stopWorkload(principal, requireVisible(await controlPlane.findWorkload(params.workloadId))),
  }),
  defineRoute({
    method: 'DELETE',
    path: '/manage/workloads/{workloadId}',
    operationId: 'deleteWorkload',
    summary: 'Delete a workload and its history, releasing it at its provider (the audit log keeps the deletion)',
    tag: 'workloads',
    action: 'workload:delete',
    params: workloadParams,
    body: undefined,
    success: { status: 204, description: 'Deleted', schema: undefined },
    handle: async ({ params }, { principal, controlPlane, requireVisible }) =>
      controlPlane.deleteWorkload(principal, requireVisible(await controlPlane.findWorkload(params.workloadId))),
  }),
  defineRoute({
    method: 'GET',
    path: '/manage/control/kill-switch',
    operationId: 'getKillSwitch',
    summary: 'Read the platform-wide kill switch',
    tag: 'control',
    action: 'control:read',
    params: undefined,
    body: undefined,
    success: { status: 200, description: 'The kill switch, as committed', schema: KillSwitchStateV1Schema },
    handle: async (_input, { controlPlane }) => controlPlane.killSwitch(),
  }),
  defineRoute({
    method: 'PUT',
    path: '/manage/control/kill-switch',
    operationId: 'setKillSwitch',
    summary: 'Engage or release the platform-wide kill switch (platform-admin only); engaging stops every workload of every tenant',
    tag: 'control',
    action: 'control:write',
    params: undefined,
    body: SetKillSwitchRequestV1Schema,
    success: { status: 200, description: 'The kill switch, as committed and recorded in the audit log', schema: KillSwitchStateV1Schema },
    handle: async ({ body }, { principal, controlPlane }) => controlPlane.setKillSwitch(body.engaged, body.reason, principal),
  }),
  defineRoute({
    method: 'GET',
    path: '/manage/control/audit',
    operationId: 'getAuditLog',
    summary: 'Read the audit log: kill-switch changes and the caller’s tenant’s workload actions, newest first',
    tag: 'control',
    action: 'audit:read',
    params: undefined,
    body: undefined,
    query: auditQuery,
    success: { status: 200, description: 'A page of the audit log', schema: AuditLogV1Schema },
    handle: async ({ query }, { principal, controlPlane }) => {
      const limit = query.limit ?? 50;
      const items = await controlPlane.auditLog(principal, limit + 1, query.before);
      const page = items.slice(0, limit);
      return { items: page, nextBefore: items.length > limit ? (page.at(-1)?.id ?? null) : null };
    },
  }),
];

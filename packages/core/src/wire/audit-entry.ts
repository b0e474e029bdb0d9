import { z } from 'zod';
import { idSchema } from './internal/id-schema.js';

/** The actions the audit log records. */
export const AUDIT_ACTIONS = ['kill-switch:engage', 'kill-switch:release', 'workload:create', 'workload:stop', 'workload:delete'] as const;

/** Wire model `AuditEntry` v1. */
export const AuditEntryV1Schema = z
  .object({
    id: z.int().min(1).describe('Increases with every entry; pass it as `before` to page back.'),
    at: z.iso.datetime(),
    action: z.enum(AUDIT_ACTIONS),
    actor: z.object({ id: idSchema, tenantId: idSchema }).describe('The principal that did it, and the tenant it acted for.'),
    tenantId: idSchema.nullable().describe('The tenant the action affected; null for a platform-wide action (the kill switch).'),
    workloadId: idSchema.nullable().describe('The workload acted on, for workload actions.'),
    reason: z.string().nullable().describe('The reason given, for the kill switch.'),
  })
  .meta({
    id: 'AuditEntry',
    version: 1,
    description: 'Who did what, when and why: one entry of the audit log.',
  });
/** The value type of `AuditEntryV1Schema`. */
export type AuditEntryV1 = z.infer<typeof AuditEntryV1Schema>;

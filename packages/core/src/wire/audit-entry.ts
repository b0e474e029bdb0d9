import { z } from 'zod';
import { idSchema } from './internal/id-schema.js';

/** The actions the audit log records. */
export const AUDIT_ACTIONS = ['kill-switch:engage', 'kill-switch:release', 'workload:create', 'workload:stop', 'workload:delete'] as const;

/** One action the audit log records. */
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/**
 * The schema of {@link AuditAction}, named: some of its values are also `Action`s, and an inferred
 * enum type would list its members in whatever order the compiler met them, so the API report
 * would change with the build order.
 */
export type AuditActionSchema = z.ZodEnum<{ [K in AuditAction]: K }>;
const auditActionSchema: AuditActionSchema = z.enum(AUDIT_ACTIONS);

/** Wire model `AuditEntry` v1. */
export const AuditEntryV1Schema = z
  .object({
    id: z.int().min(1).describe('Increases with every entry; pass it as `before` to page back.'),
    at: z.iso.datetime(),
    action: auditActionSchema,
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

import { z } from 'zod';
import { AuditEntryV1Schema } from './audit-entry.js';

/** Wire model `AuditLog` v1. */
export const AuditLogV1Schema = z
  .object({
    items: z.array(AuditEntryV1Schema),
    nextBefore: z.int().nullable().describe('Pass as `before` for the next (older) page; null when this page reaches the oldest entry.'),
  })
  .meta({
    id: 'AuditLog',
    version: 1,
    description:
      'A page of the audit log, newest first: the platform-wide kill-switch changes and the caller’s own tenant’s workload actions.',
  });
/** The value type of `AuditLogV1Schema`. */
export type AuditLogV1 = z.infer<typeof AuditLogV1Schema>;

import { z } from 'zod';
import { idSchema } from './internal/id-schema.js';
import { WorkloadStateV1Schema } from './workload-state.js';

/** Wire model `WorkloadEvent` v1: one recorded state change of a workload. */
export const WorkloadEventV1Schema = z
  .object({
    sequence: z.int().min(1).describe('Orders the workload’s events; 1 is its creation.'),
    at: z.iso.datetime(),
    from: WorkloadStateV1Schema.nullable().describe('The state before; null for the creation.'),
    to: WorkloadStateV1Schema,
    reason: z.string().nullable(),
    source: z
      .enum(['request', 'provider', 'reconciliation', 'kill-switch'])
      .describe('What caused the change: a caller’s request, the provider’s answer to it, the reconciliation loop, or the kill switch.'),
    changedBy: idSchema.nullable().describe('The principal whose request or kill switch caused it; null when the controller observed it.'),
  })
  .meta({
    id: 'WorkloadEvent',
    version: 1,
    description: 'One state change of a workload, as the control plane committed it.',
  });
/** The value type of `WorkloadEventV1Schema`. */
export type WorkloadEventV1 = z.infer<typeof WorkloadEventV1Schema>;

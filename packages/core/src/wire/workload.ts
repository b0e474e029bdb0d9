import { z } from 'zod';
import { idSchema } from './internal/id-schema.js';
import { WorkloadSpecV1Schema } from './workload-spec.js';
import { WorkloadStateV1Schema } from './workload-state.js';

/** Wire model `Workload` v1. */
export const WorkloadV1Schema = z
  .object({
    id: idSchema,
    tenantId: idSchema,
    name: idSchema,
    spec: WorkloadSpecV1Schema,
    state: WorkloadStateV1Schema,
    stateReason: z
      .string()
      .nullable()
      .describe('Why the workload is in its state: who stopped it, the provider’s error, or the exit code of a process that died.'),
    provider: z.string(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({
    id: 'Workload',
    version: 1,
    description: 'A workload as the control plane records it.',
  });
/** The value type of `WorkloadV1Schema`. */
export type WorkloadV1 = z.infer<typeof WorkloadV1Schema>;

import { z } from 'zod';
import { idSchema } from './internal/id-schema.js';
import { WorkloadEventV1Schema } from './workload-event.js';

/** Wire model `WorkloadHistory` v1. */
export const WorkloadHistoryV1Schema = z
  .object({
    workloadId: idSchema,
    items: z.array(WorkloadEventV1Schema),
  })
  .meta({
    id: 'WorkloadHistory',
    version: 1,
    description: 'Every state change of one workload, oldest first.',
  });
/** The value type of `WorkloadHistoryV1Schema`. */
export type WorkloadHistoryV1 = z.infer<typeof WorkloadHistoryV1Schema>;

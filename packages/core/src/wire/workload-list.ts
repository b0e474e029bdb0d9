import { z } from 'zod';
import { WorkloadV1Schema } from './workload.js';

/** Wire model `WorkloadList` v1. */
export const WorkloadListV1Schema = z.object({ items: z.array(WorkloadV1Schema) }).meta({
  id: 'WorkloadList',
  version: 1,
  description: 'The workloads of the caller’s tenant, oldest first.',
});
/** The value type of `WorkloadListV1Schema`. */
export type WorkloadListV1 = z.infer<typeof WorkloadListV1Schema>;

import { z } from 'zod';
import { idSchema } from './internal/id-schema.js';
import { WorkloadSpecV1Schema } from './workload-spec.js';

/** Wire model `CreateWorkloadRequest` v1. */
export const CreateWorkloadRequestV1Schema = z
  .strictObject({
    name: idSchema,
    spec: WorkloadSpecV1Schema,
  })
  .meta({
    id: 'CreateWorkloadRequest',
    version: 1,
    description: 'Create a workload in the caller’s tenant; the name is unique among the tenant’s workloads.',
  });
/** The value type of `CreateWorkloadRequestV1Schema`. */
export type CreateWorkloadRequestV1 = z.infer<typeof CreateWorkloadRequestV1Schema>;

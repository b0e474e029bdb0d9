import { z } from 'zod';
import { WORKLOAD_STATES } from '../workload/workload-state.js';

/** Wire model `WorkloadState` v1. */
export const WorkloadStateV1Schema = z.enum(WORKLOAD_STATES).meta({
  id: 'WorkloadState',
  version: 1,
  description: 'Lifecycle state of a workload; stopped and failed are final.',
});
/** The value type of `WorkloadStateV1Schema`. */
export type WorkloadStateV1 = z.infer<typeof WorkloadStateV1Schema>;

import { z } from 'zod';

/** Wire model `KillSwitchState` v1 (see `KillSwitchState`). */
export const KillSwitchStateV1Schema = z
  .object({
    engaged: z.boolean(),
    reason: z.string().nullable(),
    changedBy: z.string().nullable(),
    changedAt: z.iso.datetime().nullable(),
  })
  .meta({
    id: 'KillSwitchState',
    version: 1,
    description: 'The platform-wide kill switch; while engaged, no workload may be created.',
  });
/** The value type of `KillSwitchStateV1Schema`. */
export type KillSwitchStateV1 = z.infer<typeof KillSwitchStateV1Schema>;

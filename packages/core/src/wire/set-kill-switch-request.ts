import { z } from 'zod';

/** Wire model `SetKillSwitchRequest` v1. */
export const SetKillSwitchRequestV1Schema = z
  .strictObject({
    engaged: z.boolean(),
    reason: z.string().min(1).max(500),
  })
  .meta({
    id: 'SetKillSwitchRequest',
    version: 1,
    description: 'Engage or release the kill switch, saying why.',
  });
/** The value type of `SetKillSwitchRequestV1Schema`. */
export type SetKillSwitchRequestV1 = z.infer<typeof SetKillSwitchRequestV1Schema>;

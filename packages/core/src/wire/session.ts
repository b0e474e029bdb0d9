import { z } from 'zod';
import { ActionV1Schema } from './action.js';
import { KillSwitchStateV1Schema } from './kill-switch-state.js';
import { PrincipalV1Schema } from './principal.js';

/** Wire model `Session` v1. */
export const SessionV1Schema = z
  .object({
    principal: PrincipalV1Schema,
    permissions: z.array(ActionV1Schema),
    killSwitch: KillSwitchStateV1Schema,
  })
  .meta({
    id: 'Session',
    version: 1,
    description: 'The caller as the control plane sees it: who, what it may do now, and the kill switch.',
  });
/** The value type of `SessionV1Schema`. */
export type SessionV1 = z.infer<typeof SessionV1Schema>;

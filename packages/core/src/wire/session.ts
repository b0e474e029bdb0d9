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
    authenticatedBy: z
      .enum(['bearer-token', 'identity-headers'])
      .describe('How the controller identified the caller: a verified JWT, or identity headers it was told to trust.'),
    firstSeenAt: z.iso.datetime().describe('When the controller first saw this principal of this tenant.'),
  })
  .meta({
    id: 'Session',
    version: 1,
    description: 'The caller as the control plane sees it: who, what it may do now, and the kill switch.',
  });
/** The value type of `SessionV1Schema`. */
export type SessionV1 = z.infer<typeof SessionV1Schema>;

import { z } from 'zod';
import { ACTIONS } from '../auth/action.js';

/** Wire model `Action` v1. */
export const ActionV1Schema = z.enum(ACTIONS).meta({
  id: 'Action',
  version: 1,
  description: 'An action the control plane authorizes.',
});
/** The value type of `ActionV1Schema`. */
export type ActionV1 = z.infer<typeof ActionV1Schema>;

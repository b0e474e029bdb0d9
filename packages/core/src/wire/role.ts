import { z } from 'zod';
import { ROLES } from '../auth/role.js';

/** Wire model `Role` v1. */
export const RoleV1Schema = z.enum(ROLES).meta({
  id: 'Role',
  version: 1,
  description: 'A role a principal holds within its tenant.',
});
/** The value type of `RoleV1Schema`. */
export type RoleV1 = z.infer<typeof RoleV1Schema>;

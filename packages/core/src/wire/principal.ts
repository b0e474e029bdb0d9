import { z } from 'zod';
import { idSchema } from './internal/id-schema.js';
import { RoleV1Schema } from './role.js';

/** Wire model `Principal` v1 (see `Principal`). */
export const PrincipalV1Schema = z
  .object({
    id: idSchema,
    tenantId: idSchema,
    roles: z.array(RoleV1Schema),
  })
  .meta({
    id: 'Principal',
    version: 1,
    description: 'An authenticated caller, the tenant it acts for and its roles there.',
  });
/** The value type of `PrincipalV1Schema`. */
export type PrincipalV1 = z.infer<typeof PrincipalV1Schema>;

import type { Role } from '@alphaswarm/client';

/**
 * The roles the picker offers: the values of the API contract's `Role`. The compiler fails when
 * the contract gains one the list lacks. What a role may do is the API's answer (the session's
 * permissions, or a 403), never this list's.
 */
export const ROLES = ['viewer', 'operator', 'admin', 'platform-admin'] as const satisfies readonly Role[];

type Missing = Exclude<Role, (typeof ROLES)[number]>;
/** Compiles only while {@link ROLES} lists every role of the contract. */
export const everyRoleListed: [Missing] extends [never] ? true : Missing = true;

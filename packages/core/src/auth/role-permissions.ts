import { ACTIONS, type Action } from './action.js';
import type { Role } from './role.js';

const viewer: readonly Action[] = ['session:read', 'workload:read', 'control:read'];
const operator: readonly Action[] = [...viewer, 'workload:create', 'workload:stop', 'workload:delete'];
const admin: readonly Action[] = [...operator, 'audit:read'];

/**
 * What each role may do. `admin` adds reading the audit log to `operator`. Only `platform-admin`
 * may set the kill switch (`control:write`): the switch is platform-wide, so a tenant's admin
 * engaging it would stop every other tenant too.
 */
export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Action[]>> = {
  viewer,
  operator,
  admin,
  'platform-admin': [...admin, 'control:write'],
};

/** The actions any of `roles` grants, in the order of {@link ACTIONS}. */
export function permissionsOf(roles: readonly Role[]): Action[] {
  const granted = new Set(roles.flatMap((role) => ROLE_PERMISSIONS[role]));
  return ACTIONS.filter((action) => granted.has(action));
}

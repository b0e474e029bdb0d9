import { ACTIONS, type Action } from './action.js';
import type { Role } from './role.js';

const viewer: readonly Action[] = ['session:read', 'workload:read', 'control:read'];
const operator: readonly Action[] = [...viewer, 'workload:create', 'workload:stop', 'workload:delete'];

/** What each role may do. `admin` adds the control API (the kill switch) to `operator`. */
export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Action[]>> = {
  viewer,
  operator,
  admin: [...operator, 'control:write'],
};

/** The actions any of `roles` grants, in the order of {@link ACTIONS}. */
export function permissionsOf(roles: readonly Role[]): Action[] {
  const granted = new Set(roles.flatMap((role) => ROLE_PERMISSIONS[role]));
  return ACTIONS.filter((action) => granted.has(action));
}

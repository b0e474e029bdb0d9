import type { KillSwitchState } from '../control/kill-switch-state.js';
import { isBlockedByKillSwitch, KILL_SWITCH_BLOCKED_ACTIONS } from '../control/kill-switch-state.js';
import { isVisibleTo } from '../resources/tenant-scope.js';
import type { TenantResource } from '../resources/tenant-resource.js';
import type { AccessDecision } from './access-decision.js';
import type { Action } from './action.js';
import type { Principal } from './principal.js';
import { permissionsOf } from './role-permissions.js';

/** What {@link checkAccess} decides on. */
export interface AccessRequest {
  /** The authenticated caller. */
  readonly principal: Principal;
  /** What the caller asks to do. */
  readonly action: Action;
  /**
   * The kill switch as it is now, or `undefined` when it could not be read (its store is down):
   * then every action the switch would block is refused, as if it were engaged.
   */
  readonly killSwitch: KillSwitchState | undefined;
  /** The resource acted on, once it is known; omitted for collection-level checks. */
  readonly resource?: TenantResource;
}

/**
 * The auth and resource filter every control-plane request passes: role check, then the kill
 * switch (failing closed when it is unknown), then tenant scoping. A resource of another tenant
 * is reported as not found, so a tenant cannot learn that it exists.
 */
export function checkAccess({ principal, action, killSwitch, resource }: AccessRequest): AccessDecision {
  if (!permissionsOf(principal.roles).includes(action)) {
    const roles = principal.roles.length > 0 ? principal.roles.join(', ') : 'no roles';
    return { allowed: false, reason: 'forbidden', message: `${action} is not allowed for ${roles}` };
  }
  if (killSwitch === undefined && KILL_SWITCH_BLOCKED_ACTIONS.includes(action)) {
    return {
      allowed: false,
      reason: 'kill-switch-unknown',
      message: `${action} is refused: the kill switch cannot be read, so the control plane fails closed until its store is back`,
    };
  }
  if (killSwitch !== undefined && isBlockedByKillSwitch(killSwitch, action)) {
    return {
      allowed: false,
      reason: 'kill-switch-engaged',
      message: `${action} is refused: the kill switch is engaged (${killSwitch.reason ?? 'no reason given'})`,
    };
  }
  if (resource && !isVisibleTo(principal, resource)) {
    return { allowed: false, reason: 'not-found', message: 'no such resource in this tenant' };
  }
  return { allowed: true };
}

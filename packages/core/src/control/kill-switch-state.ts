import type { Action } from '../auth/action.js';

/**
 * The kill switch: one switch for the whole platform, not one per tenant. While engaged, no
 * workload of any tenant may be created, and engaging it stops every workload of every tenant.
 * Because it reaches every tenant, only the `platform-admin` role may set it (`control:write`);
 * every role may read it.
 */
export interface KillSwitchState {
  /** True while the kill switch refuses new work. */
  readonly engaged: boolean;
  /** Why it was last engaged or released; null before the first change. */
  readonly reason: string | null;
  /** The principal that last changed it; null before the first change. */
  readonly changedBy: string | null;
  /** ISO 8601 time of the last change; null before the first change. */
  readonly changedAt: string | null;
}

/** The state a control plane starts in: released, never changed. */
export const INITIAL_KILL_SWITCH: KillSwitchState = { engaged: false, reason: null, changedBy: null, changedAt: null };

/**
 * Actions refused while the kill switch is engaged: those that add load. Reading, stopping and
 * deleting stay allowed so operators can wind things down.
 */
export const KILL_SWITCH_BLOCKED_ACTIONS: readonly Action[] = ['workload:create'];

/** True when the kill switch in `state` refuses `action`. */
export function isBlockedByKillSwitch(state: KillSwitchState, action: Action): boolean {
  return state.engaged && KILL_SWITCH_BLOCKED_ACTIONS.includes(action);
}

/** The next kill-switch state after `changedBy` sets it to `engaged` at `changedAt` for `reason`. */
export function setKillSwitch(engaged: boolean, reason: string, changedBy: string, changedAt: Date): KillSwitchState {
  return { engaged, reason, changedBy, changedAt: changedAt.toISOString() };
}

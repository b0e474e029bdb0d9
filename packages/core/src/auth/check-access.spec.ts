import { describe, expect, it } from 'vitest';
import { INITIAL_KILL_SWITCH, setKillSwitch } from '../control/kill-switch-state.js';
import { parseId } from '../ids.js';
import type { Action } from './action.js';
import { checkAccess } from './check-access.js';
import type { Principal } from './principal.js';
import type { Role } from './role.js';

const principal = (roles: Role[], tenant = 'acme'): Principal => ({
  id: parseId('principal', 'ada'),
  tenantId: parseId('tenant', tenant),
  roles,
});
const engaged = setKillSwitch(true, 'market halt', 'root', new Date('2026-01-02T03:04:05Z'));

describe('checkAccess', () => {
  it.each<[Role[], Action, boolean]>([
    [['viewer'], 'workload:read', true],
    [['viewer'], 'session:read', true],
    [['viewer'], 'workload:create', false],
    [['viewer'], 'control:write', false],
    [['operator'], 'workload:create', true],
    [['operator'], 'workload:stop', true],
    [['operator'], 'workload:delete', true],
    [['operator'], 'control:write', false],
    [['admin'], 'control:write', false],
    [['admin'], 'audit:read', true],
    [['operator'], 'audit:read', false],
    [['platform-admin'], 'control:write', true],
    [['viewer', 'operator'], 'workload:create', true],
    [[], 'session:read', false],
  ])('roles %j, %s -> allowed %s', (roles, action, allowed) => {
    expect(checkAccess({ principal: principal(roles), action, killSwitch: INITIAL_KILL_SWITCH }).allowed).toBe(allowed);
  });

  it('names the action and the roles when refusing by role', () => {
    expect(checkAccess({ principal: principal(['viewer']), action: 'workload:create', killSwitch: INITIAL_KILL_SWITCH })).toEqual({
      allowed: false,
      reason: 'forbidden',
      message: 'workload:create is not allowed for viewer',
    });
  });

  it('refuses creation while the kill switch is engaged, with its reason', () => {
    expect(checkAccess({ principal: principal(['admin']), action: 'workload:create', killSwitch: engaged })).toEqual({
      allowed: false,
      reason: 'kill-switch-engaged',
      message: 'workload:create is refused: the kill switch is engaged (market halt)',
    });
  });

  it.each<Action>(['workload:read', 'workload:stop', 'workload:delete', 'control:write'])('still allows %s while engaged', (action) => {
    expect(checkAccess({ principal: principal(['platform-admin']), action, killSwitch: engaged })).toEqual({ allowed: true });
  });

  it('fails closed when the kill switch cannot be read: creation is refused, reading is not', () => {
    expect(checkAccess({ principal: principal(['admin']), action: 'workload:create', killSwitch: undefined })).toEqual({
      allowed: false,
      reason: 'kill-switch-unknown',
      message: 'workload:create is refused: the kill switch cannot be read, so the control plane fails closed until its store is back',
    });
    expect(checkAccess({ principal: principal(['admin']), action: 'workload:read', killSwitch: undefined })).toEqual({ allowed: true });
  });

  it('lets only a platform-admin of any tenant set the platform-wide switch: an admin of acme cannot stop globex', () => {
    expect(checkAccess({ principal: principal(['admin'], 'acme'), action: 'control:write', killSwitch: INITIAL_KILL_SWITCH })).toEqual({
      allowed: false,
      reason: 'forbidden',
      message: 'control:write is not allowed for admin',
    });
    expect(
      checkAccess({ principal: principal(['platform-admin'], 'acme'), action: 'control:write', killSwitch: INITIAL_KILL_SWITCH }),
    ).toEqual({ allowed: true });
  });

  it('checks roles before the kill switch', () => {
    expect(checkAccess({ principal: principal(['viewer']), action: 'workload:create', killSwitch: engaged })).toMatchObject({
      reason: 'forbidden',
    });
  });

  it('reports a resource of another tenant as not found, whatever the role', () => {
    expect(
      checkAccess({
        principal: principal(['admin']),
        action: 'workload:read',
        killSwitch: INITIAL_KILL_SWITCH,
        resource: { tenantId: 'globex' },
      }),
    ).toEqual({
      allowed: false,
      reason: 'not-found',
      message: 'no such resource in this tenant',
    });
  });

  it('allows a resource of the own tenant', () => {
    expect(
      checkAccess({
        principal: principal(['viewer']),
        action: 'workload:read',
        killSwitch: INITIAL_KILL_SWITCH,
        resource: { tenantId: 'acme' },
      }),
    ).toEqual({
      allowed: true,
    });
  });
});

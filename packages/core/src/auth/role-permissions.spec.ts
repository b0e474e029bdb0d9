import { describe, expect, it } from 'vitest';
import { permissionsOf } from './role-permissions.js';

describe('permissionsOf', () => {
  it.each([
    [[], []],
    [['viewer'], ['session:read', 'workload:read', 'control:read']],
    [['operator'], ['session:read', 'workload:read', 'workload:create', 'workload:stop', 'workload:delete', 'control:read']],
    [
      ['viewer', 'admin'],
      ['session:read', 'workload:read', 'workload:create', 'workload:stop', 'workload:delete', 'control:read', 'audit:read'],
    ],
    [
      ['platform-admin'],
      [
        'session:read',
        'workload:read',
        'workload:create',
        'workload:stop',
        'workload:delete',
        'control:read',
        'audit:read',
        'control:write',
      ],
    ],
  ] as const)('%j -> %j', (roles, actions) => {
    expect(permissionsOf(roles)).toEqual(actions);
  });
});

import { describe, expect, it } from 'vitest';
import { INITIAL_KILL_SWITCH, isBlockedByKillSwitch, setKillSwitch } from './kill-switch-state.js';

describe('kill switch', () => {
  it('records who changed it, when and why', () => {
    expect(setKillSwitch(true, 'drill', 'ada', new Date('2026-03-04T05:06:07.000Z'))).toEqual({
      engaged: true,
      reason: 'drill',
      changedBy: 'ada',
      changedAt: '2026-03-04T05:06:07.000Z',
    });
  });

  it.each([
    [false, 'workload:create', false],
    [true, 'workload:create', true],
    [true, 'workload:stop', false],
    [true, 'workload:read', false],
  ] as const)('engaged %s blocks %s: %s', (engaged, action, blocked) => {
    const state = engaged ? setKillSwitch(true, 'r', 'ada', new Date(0)) : INITIAL_KILL_SWITCH;
    expect(isBlockedByKillSwitch(state, action)).toBe(blocked);
  });
});

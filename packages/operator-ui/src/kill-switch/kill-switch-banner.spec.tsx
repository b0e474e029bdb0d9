import { cleanup, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { KillSwitchBanner } from './kill-switch-banner.js';

afterEach(cleanup);

describe('KillSwitchBanner', () => {
  it.each([
    ['before the first answer', undefined, 'Kill switch: not known yet', 'banner'],
    [
      'released',
      { engaged: false, reason: 'halt over', changedBy: 'root', changedAt: '2026-12-06T12:00:00.000Z' },
      'Kill switch released',
      'banner',
    ],
    [
      'engaged',
      { engaged: true, reason: 'market halt', changedBy: 'root', changedAt: 'not a time' },
      'Kill switch engaged by root at not a time: market halt',
      'banner banner--engaged',
    ],
    [
      'engaged with nothing recorded',
      { engaged: true, reason: null, changedBy: null, changedAt: null },
      'Kill switch engaged by an unknown principal: no reason given',
      'banner banner--engaged',
    ],
  ])('announces the switch %s as a status', (_case, state, text, className) => {
    render(<KillSwitchBanner state={state} />);
    const status = screen.getByRole('status', { name: 'Kill switch' });
    expect(status.textContent).toBe(text);
    expect(status.className).toBe(className);
  });
});

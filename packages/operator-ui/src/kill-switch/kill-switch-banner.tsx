import type { KillSwitchState } from '@alphaswarm/client';
import { formatTime } from '../workloads/format-time.js';

/** Props of {@link KillSwitchBanner}. */
export interface KillSwitchBannerProps {
  /** The switch as the API last reported it; undefined before the first answer. */
  readonly state: KillSwitchState | undefined;
}

/**
 * The kill switch's state at the top of the page, announced when it changes (`role="status"`):
 * a banner while it is engaged, naming who engaged it, when and why, as the API reports it.
 */
export function KillSwitchBanner({ state }: KillSwitchBannerProps) {
  return (
    <div role="status" aria-label="Kill switch" class={state?.engaged ? 'banner banner--engaged' : 'banner'}>
      {state === undefined ? (
        <span>Kill switch: not known yet</span>
      ) : state.engaged ? (
        <strong>
          Kill switch engaged by {state.changedBy ?? 'an unknown principal'}
          {state.changedAt ? ` at ${formatTime(state.changedAt)}` : ''}: {state.reason ?? 'no reason given'}
        </strong>
      ) : (
        <span>Kill switch released</span>
      )}
    </div>
  );
}

import type { KillSwitchState, ManageClient } from '@alphaswarm/client';
import { useState } from 'preact/hooks';
import { ErrorNotice } from '../errors/error-notice.js';
import type { Pending } from '../progress/use-pending.js';
import { formatTime } from '../workloads/format-time.js';

/** Props of {@link KillSwitchPanel}. */
export interface KillSwitchPanelProps {
  readonly client: ManageClient;
  readonly state: KillSwitchState | undefined;
  readonly pending: Pending;
  /** Called with the state the API answered after a change. */
  readonly onChanged: (state: KillSwitchState) => void;
}

/**
 * The kill switch: its state, who set it, when and why, and engage / release with a reason.
 * Both buttons are always offered; whether the caller may set the switch is the API's answer,
 * shown in words when it refuses.
 */
export function KillSwitchPanel({ client, state, pending, onChanged }: KillSwitchPanelProps) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>(undefined);
  const [busy, setBusy] = useState<'engage' | 'release' | undefined>(undefined);
  const set = async (engaged: boolean) => {
    setBusy(engaged ? 'engage' : 'release');
    setError(undefined);
    try {
      const answer = await pending.track('PUT /manage/control/kill-switch', () => client.setKillSwitch({ engaged, reason }));
      setReason('');
      onChanged(answer);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(undefined);
    }
  };
  return (
    <section class="panel" aria-labelledby="kill-switch-heading">
      <h2 id="kill-switch-heading">Kill switch</h2>
      <dl class="facts">
        <dt>State</dt>
        <dd>{state === undefined ? 'not known yet' : state.engaged ? 'engaged' : 'released'}</dd>
        <dt>Set by</dt>
        <dd>{state?.changedBy ?? '—'}</dd>
        <dt>At</dt>
        <dd>{state?.changedAt ? formatTime(state.changedAt) : '—'}</dd>
        <dt>Reason</dt>
        <dd>{state?.reason ?? '—'}</dd>
      </dl>
      <div class="form">
        <label>
          Reason for the change
          <input name="kill-switch-reason" value={reason} onInput={(event) => setReason(event.currentTarget.value)} />
        </label>
        <div class="actions">
          <button type="button" disabled={busy !== undefined} aria-busy={busy === 'engage'} onClick={() => void set(true)}>
            {busy === 'engage' ? 'Engaging…' : 'Engage kill switch'}
          </button>
          <button type="button" disabled={busy !== undefined} aria-busy={busy === 'release'} onClick={() => void set(false)}>
            {busy === 'release' ? 'Releasing…' : 'Release kill switch'}
          </button>
        </div>
      </div>
      <ErrorNotice error={error} action="Setting the kill switch" />
    </section>
  );
}

import type { ManageClient, Workload, WorkloadEvent } from '@alphaswarm/client';
import { useEffect, useState } from 'preact/hooks';
import { ErrorNotice } from '../errors/error-notice.js';
import type { Pending } from '../progress/use-pending.js';
import { formatTime } from './format-time.js';

/** Props of {@link WorkloadDetail}. */
export interface WorkloadDetailProps {
  readonly client: ManageClient;
  readonly workloadId: string;
  /** Changes whenever the list was refreshed, so the detail refreshes with it. */
  readonly refreshKey: number;
  readonly pending: Pending;
  /** After a stop or a delete the API accepted. */
  readonly onChanged: () => void;
  readonly onDeleted: () => void;
}

/** One workload and its state history as the API reports them, with stop and delete. */
export function WorkloadDetail({ client, workloadId, refreshKey, pending, onChanged, onDeleted }: WorkloadDetailProps) {
  const [workload, setWorkload] = useState<Workload | undefined>(undefined);
  const [history, setHistory] = useState<readonly WorkloadEvent[] | undefined>(undefined);
  const [loadError, setLoadError] = useState<unknown>(undefined);
  const [actionError, setActionError] = useState<{ readonly kind: 'stop' | 'delete'; readonly error: unknown } | undefined>(undefined);
  const [busy, setBusy] = useState<'stop' | 'delete' | undefined>(undefined);

  useEffect(() => {
    setWorkload(undefined);
    setHistory(undefined);
    setActionError(undefined);
  }, [client, workloadId]);

  useEffect(() => {
    let current = true;
    Promise.all([client.getWorkload(workloadId), client.getWorkloadHistory(workloadId)]).then(
      ([answer, events]) => {
        if (!current) return;
        setWorkload(answer);
        setHistory(events.items);
        setLoadError(undefined);
      },
      (failure: unknown) => current && setLoadError(failure),
    );
    return () => {
      current = false;
    };
  }, [client, workloadId, refreshKey]);

  const act = async (kind: 'stop' | 'delete') => {
    setBusy(kind);
    setActionError(undefined);
    try {
      if (kind === 'stop') {
        setWorkload(await pending.track(`POST /manage/workloads/${workloadId}/stop`, () => client.stopWorkload(workloadId)));
        onChanged();
      } else {
        await pending.track(`DELETE /manage/workloads/${workloadId}`, () => client.deleteWorkload(workloadId));
        onDeleted();
      }
    } catch (failure) {
      setActionError({ kind, error: failure });
    } finally {
      setBusy(undefined);
    }
  };

  const name = workload?.name ?? workloadId;
  return (
    <section class="panel" aria-labelledby="detail-heading">
      <h2 id="detail-heading">Workload {name}</h2>
      <ErrorNotice error={loadError} action={`Loading workload ${name}`} />
      {workload && (
        <dl class="facts">
          <dt>State</dt>
          <dd>{workload.state}</dd>
          <dt>Why</dt>
          <dd>{workload.stateReason ?? '—'}</dd>
          <dt>Provider</dt>
          <dd>{workload.provider}</dd>
          <dt>Image</dt>
          <dd>{workload.spec.image}</dd>
          <dt>Command</dt>
          <dd>{workload.spec.command?.join(' ') ?? '—'}</dd>
          <dt>Replicas</dt>
          <dd>{workload.spec.replicas}</dd>
          <dt>Created</dt>
          <dd>{formatTime(workload.createdAt)}</dd>
          <dt>Updated</dt>
          <dd>{formatTime(workload.updatedAt)}</dd>
        </dl>
      )}
      <div class="actions">
        <button type="button" disabled={busy !== undefined} aria-busy={busy === 'stop'} onClick={() => void act('stop')}>
          {busy === 'stop' ? 'Stopping…' : `Stop ${name}`}
        </button>
        <button type="button" disabled={busy !== undefined} aria-busy={busy === 'delete'} onClick={() => void act('delete')}>
          {busy === 'delete' ? 'Deleting…' : `Delete ${name}`}
        </button>
      </div>
      <ErrorNotice error={actionError?.error} action={`${actionError?.kind === 'delete' ? 'Deleting' : 'Stopping'} workload ${name}`} />
      {history && (
        <div class="table-scroll">
          <table>
            <caption>State history of {name}</caption>
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">At</th>
                <th scope="col">From</th>
                <th scope="col">To</th>
                <th scope="col">Caused by</th>
                <th scope="col">Reason</th>
              </tr>
            </thead>
            <tbody>
              {history.map((event) => (
                <tr key={event.sequence}>
                  <td>{event.sequence}</td>
                  <td>{formatTime(event.at)}</td>
                  <td>{event.from ?? '—'}</td>
                  <td>{event.to}</td>
                  <td>
                    {event.source}
                    {event.changedBy ? ` (${event.changedBy})` : ''}
                  </td>
                  <td>{event.reason ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

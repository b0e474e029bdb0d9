import { createManageClient, type KillSwitchState, type ManageClient, type Session, type Workload } from '@alphaswarm/client';
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { ErrorNotice } from '../errors/error-notice.js';
import { PrincipalPicker } from '../identity/principal-picker.js';
import { toManageIdentity, type OperatorIdentity } from '../identity/operator-identity.js';
import { KillSwitchBanner } from '../kill-switch/kill-switch-banner.js';
import { KillSwitchPanel } from '../kill-switch/kill-switch-panel.js';
import { ProgressNotice } from '../progress/progress-notice.js';
import { usePending } from '../progress/use-pending.js';
import { CreateWorkloadForm } from '../workloads/create-workload-form.js';
import { WorkloadDetail } from '../workloads/workload-detail.js';
import { WorkloadTable } from '../workloads/workload-table.js';
import { SessionSummary } from './session-summary.js';

/** Props of {@link OperatorApp}. */
export interface OperatorAppProps {
  /** The origin that serves `/manage/*`. */
  readonly baseUrl: string;
  /** Who the page acts as first. */
  readonly initialIdentity: OperatorIdentity;
  /** How often the workloads and the kill switch are read again, in ms. */
  readonly refreshMs: number;
  /** The fetch the client uses. */
  readonly fetch?: (request: Request) => Promise<Response>;
  /** Called after the person picks another identity, e.g. to remember it. */
  readonly onIdentityChange?: (identity: OperatorIdentity) => void;
}

interface Listing {
  readonly client: ManageClient;
  readonly workloads: readonly Workload[];
  readonly at: number;
}

/**
 * The operator UI: the tenant's workloads (refreshed every `refreshMs`), one workload's detail
 * and history, create, stop and delete, and the kill switch. It talks to the controller only
 * through the generated client and shows what the API answers, refusals included.
 */
export function OperatorApp({ baseUrl, initialIdentity, refreshMs, fetch, onIdentityChange }: OperatorAppProps) {
  const [identity, setIdentity] = useState(initialIdentity);
  const client = useMemo(
    () => createManageClient({ baseUrl, identity: toManageIdentity(identity), ...(fetch ? { fetch } : {}) }),
    [baseUrl, identity, fetch],
  );
  const current = useRef(client);
  current.current = client;
  const pending = usePending();
  const [session, setSession] = useState<{ client: ManageClient; session?: Session; error?: unknown } | undefined>(undefined);
  const [listing, setListing] = useState<Listing | undefined>(undefined);
  const [listError, setListError] = useState<unknown>(undefined);
  const [killSwitch, setKillSwitch] = useState<KillSwitchState | undefined>(undefined);
  const [killSwitchError, setKillSwitchError] = useState<unknown>(undefined);
  const [selectedId, setSelectedId] = useState<string | undefined>(undefined);
  const [refreshes, setRefreshes] = useState(0);
  const reading = useRef<{ client: ManageClient; again: boolean } | undefined>(undefined);

  const refresh = useCallback(async (): Promise<void> => {
    // One read at a time per identity; a refresh asked for meanwhile runs once that read is done.
    if (reading.current?.client === client) {
      reading.current.again = true;
      return;
    }
    const asked = client;
    const read = { client: asked, again: false };
    reading.current = read;
    try {
      const [workloads, state] = await Promise.allSettled([asked.listWorkloads(), asked.getKillSwitch()]);
      // An answer for an identity the person has since left is not shown.
      if (current.current !== asked) return;
      if (workloads.status === 'fulfilled') {
        setListing({ client: asked, workloads: workloads.value, at: Date.now() });
        setListError(undefined);
      } else setListError(workloads.reason);
      if (state.status === 'fulfilled') {
        setKillSwitch(state.value);
        setKillSwitchError(undefined);
      } else setKillSwitchError(state.reason);
      setRefreshes((count) => count + 1);
    } finally {
      if (reading.current === read) reading.current = undefined;
    }
    if (read.again && current.current === asked) await refresh();
  }, [client]);

  useEffect(() => {
    let live = true;
    setSelectedId(undefined);
    client.session().then(
      (answer) => live && setSession({ client, session: answer }),
      (error: unknown) => live && setSession({ client, error }),
    );
    void refresh();
    const timer = setInterval(() => void refresh(), refreshMs);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [client, refresh, refreshMs]);

  const shownListing = listing?.client === client ? listing : undefined;
  const shownSession = session?.client === client ? session : undefined;
  const changeIdentity = (next: OperatorIdentity) => {
    setIdentity(next);
    setListing(undefined);
    onIdentityChange?.(next);
  };
  const refreshNow = () => void refresh();

  return (
    <div class="operator-ui">
      <header>
        <h1>AlphaSwarm operator</h1>
        <KillSwitchBanner state={killSwitch} />
        <PrincipalPicker identity={identity} onChange={changeIdentity} />
        <SessionSummary session={shownSession?.session} error={shownSession?.error} />
        <ProgressNotice labels={pending.labels} />
      </header>
      <main>
        <div class="column">
          <section class="panel" aria-labelledby="workloads-heading">
            <h2 id="workloads-heading">Workloads</h2>
            <ErrorNotice error={listError} action="Listing the workloads" />
            <WorkloadTable
              workloads={shownListing?.workloads}
              tenant={identity.tenant}
              listedAt={shownListing?.at ?? Date.now()}
              selectedId={selectedId}
              onSelect={setSelectedId}
            />
          </section>
          {selectedId && (
            <WorkloadDetail
              key={selectedId}
              client={client}
              workloadId={selectedId}
              refreshKey={refreshes}
              pending={pending}
              onChanged={refreshNow}
              onDeleted={() => {
                setSelectedId(undefined);
                refreshNow();
              }}
            />
          )}
        </div>
        <div class="column">
          <CreateWorkloadForm
            client={client}
            pending={pending}
            onCreated={(created) => {
              setSelectedId(created.id);
              refreshNow();
            }}
          />
          <KillSwitchPanel
            client={client}
            state={killSwitch}
            pending={pending}
            onChanged={(state) => {
              setKillSwitch(state);
              refreshNow();
            }}
          />
          <ErrorNotice error={killSwitchError} action="Reading the kill switch" />
        </div>
      </main>
    </div>
  );
}

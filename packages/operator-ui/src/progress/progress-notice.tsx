/** Props of {@link ProgressNotice}. */
export interface ProgressNoticeProps {
  /** The requests in flight. */
  readonly labels: readonly string[];
}

/** Says which requests the page is waiting for, with an indeterminate progress bar. */
export function ProgressNotice({ labels }: ProgressNoticeProps) {
  return (
    <div class="progress" role="status" aria-label="Requests in progress">
      {labels.length > 0 && (
        <>
          <progress aria-label="Waiting for the controller" />
          <span>Waiting for the controller: {labels.join(', ')}…</span>
        </>
      )}
    </div>
  );
}

/** A progress report from a long-running job (training, backtest, ingestion). */
export interface ProgressEvent {
  readonly job: string;
  readonly stage: string;
  /** Fraction done, from 0 to 1. */
  readonly fraction: number;
  readonly message?: string;
}

export type ProgressListener = (event: ProgressEvent) => void;

const listeners = new Set<ProgressListener>();

/** `_progress.emit`: report progress to whoever listens (UI streams, logs). */
export const progress = {
  emit(event: ProgressEvent): void {
    if (!(event.fraction >= 0 && event.fraction <= 1)) {
      throw new RangeError(`progress.emit: fraction ${event.fraction} of job "${event.job}" is outside 0..1`);
    }
    const frozen = Object.freeze({ ...event });
    for (const listener of listeners) listener(frozen);
  },
  /** Listen to every event; returns the function that stops listening. */
  subscribe(listener: ProgressListener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
} as const;

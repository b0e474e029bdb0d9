import { useCallback, useRef, useState } from 'preact/hooks';

/** Requests a person started and is waiting for. */
export interface Pending {
  /** What is in flight, e.g. `POST /manage/workloads`, oldest first. */
  readonly labels: readonly string[];
  /** Runs `work` and lists `label` while it is in flight. */
  track<T>(label: string, work: () => Promise<T>): Promise<T>;
}

/** The requests in flight that a person is waiting for (background refreshes are not tracked). */
export function usePending(): Pending {
  const [labels, setLabels] = useState<readonly string[]>([]);
  const next = useRef(0);
  const track = useCallback(async <T>(label: string, work: () => Promise<T>): Promise<T> => {
    const entry = `${label}#${next.current++}`;
    setLabels((current) => [...current, entry]);
    try {
      return await work();
    } finally {
      setLabels((current) => current.filter((candidate) => candidate !== entry));
    }
  }, []);
  return { labels: labels.map((entry) => entry.slice(0, entry.lastIndexOf('#'))), track };
}

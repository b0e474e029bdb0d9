import type { Workload } from '@alphaswarm/client';
import { formatAge } from './format-age.js';

/** Props of {@link WorkloadTable}. */
export interface WorkloadTableProps {
  /** The tenant's workloads as the API last listed them; undefined before the first answer. */
  readonly workloads: readonly Workload[] | undefined;
  /** The tenant they belong to, for the caption. */
  readonly tenant: string;
  /** When they were listed (ms since the epoch), for their age. */
  readonly listedAt: number;
  readonly selectedId: string | undefined;
  readonly onSelect: (workloadId: string) => void;
}

/** The signed-in tenant's workloads: name, state, provider and age. */
export function WorkloadTable({ workloads, tenant, listedAt, selectedId, onSelect }: WorkloadTableProps) {
  if (workloads === undefined) return <p>Loading the workloads of {tenant}…</p>;
  if (workloads.length === 0) return <p>Tenant {tenant} has no workloads.</p>;
  return (
    <table>
      <caption>Workloads of {tenant}</caption>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">State</th>
          <th scope="col">Provider</th>
          <th scope="col">Age</th>
        </tr>
      </thead>
      <tbody>
        {workloads.map((workload) => (
          <tr key={workload.id} aria-selected={workload.id === selectedId}>
            <th scope="row">
              <button type="button" class="link" onClick={() => onSelect(workload.id)} aria-label={`Open ${workload.name}`}>
                {workload.name}
              </button>
            </th>
            <td>{workload.state}</td>
            <td>{workload.provider}</td>
            <td>{formatAge(workload.createdAt, listedAt)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

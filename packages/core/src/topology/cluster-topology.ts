/** CPU architectures the platform schedules on. */
export type NodeArchitecture = 'amd64' | 'arm64';

/** What a node is for in its cluster. */
export type NodeRole = 'control-plane' | 'worker';

/** One machine of a cluster. */
export interface ClusterNode {
  readonly name: string;
  readonly role: NodeRole;
  readonly architecture: NodeArchitecture;
  /** Allocatable resources: CPU in millicores, memory in MiB. */
  readonly capacity: { readonly cpuMillis: number; readonly memoryMiB: number };
  readonly labels: Readonly<Record<string, string>>;
}

/** A cluster a provider can place workloads on. */
export interface Cluster {
  readonly name: string;
  readonly region?: string;
  readonly nodes: readonly ClusterNode[];
}

/** Every cluster the control plane knows, as providers report them. */
export interface ClusterTopology {
  readonly clusters: readonly Cluster[];
}

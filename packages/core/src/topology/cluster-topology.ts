/** CPU architectures the platform schedules on. */
export type NodeArchitecture = 'amd64' | 'arm64';

/** What a node is for in its cluster. */
export type NodeRole = 'control-plane' | 'worker';

/** One machine of a cluster. */
export interface ClusterNode {
  /** The node's name, unique in its cluster. */
  readonly name: string;
  /** What the node is for. */
  readonly role: NodeRole;
  /** The node's CPU architecture; images must match it. */
  readonly architecture: NodeArchitecture;
  /** Allocatable resources: CPU in millicores, memory in MiB. */
  readonly capacity: { readonly cpuMillis: number; readonly memoryMiB: number };
  /** Scheduling labels, as on the node. */
  readonly labels: Readonly<Record<string, string>>;
}

/** A cluster a provider can place workloads on. */
export interface Cluster {
  /** The cluster's name, unique in the topology. */
  readonly name: string;
  /** Where the cluster runs, when that matters for placement. */
  readonly region?: string;
  /** The cluster's machines. */
  readonly nodes: readonly ClusterNode[];
}

/** Every cluster the control plane knows, as providers report them. */
export interface ClusterTopology {
  /** Every known cluster. */
  readonly clusters: readonly Cluster[];
}

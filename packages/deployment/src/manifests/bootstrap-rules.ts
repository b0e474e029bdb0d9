/**
 * Kubernetes kinds an AlphaSwarm workload manifest may hold: namespaced application objects.
 * Everything else is cluster bootstrap or platform services, owned by rpi_kubernetes.
 */
export const workloadKinds: readonly string[] = Object.freeze([
  'ConfigMap',
  'CronJob',
  'Deployment',
  'HorizontalPodAutoscaler',
  'Ingress',
  'Job',
  'NetworkPolicy',
  'PersistentVolumeClaim',
  'PodDisruptionBudget',
  'Role',
  'RoleBinding',
  'Secret',
  'Service',
  'ServiceAccount',
  'StatefulSet',
]);

/**
 * The cluster-bootstrap rule, as checked: a workload manifest must not hold a kind outside
 * {@link workloadKinds} (namespaces, CRDs, cluster roles, nodes, storage classes, webhooks,
 * node agents such as DaemonSets), must not pin a namespace (the namespace is made by bootstrap
 * and chosen at apply time), and must not reach into the node (host network / PID / IPC, hostPath
 * volumes, privileged containers).
 */
export const bootstrapRule =
  'cluster bootstrap (namespaces, CRDs, cluster-scoped RBAC, nodes, storage, node agents, host access) is owned by rpi_kubernetes';

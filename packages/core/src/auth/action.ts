/** Every action the control plane authorizes; routes declare exactly one. */
export const ACTIONS = [
  'session:read',
  'workload:read',
  'workload:create',
  'workload:stop',
  'workload:delete',
  'control:read',
  'audit:read',
  'control:write',
] as const;

/** Something a principal asks to do. */
export type Action = (typeof ACTIONS)[number];

import { z } from 'zod';

/** Wire model `WorkloadSpec` v1: what to run. */
export const WorkloadSpecV1Schema = z
  .strictObject({
    image: z.string().min(1).max(255).regex(/^\S+$/, 'an image reference has no whitespace'),
    command: z.array(z.string().min(1)).max(64).optional(),
    env: z.record(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'an environment variable name'), z.string()).optional(),
    replicas: z.int().min(1).max(64),
  })
  .meta({
    id: 'WorkloadSpec',
    version: 1,
    description: 'What a workload runs: an image reference, an optional command and environment, and a replica count.',
  });
/** The value type of `WorkloadSpecV1Schema`. */
export type WorkloadSpecV1 = z.infer<typeof WorkloadSpecV1Schema>;

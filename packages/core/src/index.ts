/**
 * Platform core (`alphaswarm_core`): shared value types, abstract contracts, auth and resource
 * filters, topology and versioned wire models. Imports nothing else from the workspace.
 *
 * @packageDocumentation
 */
export { parseId } from './ids.js';
export type { Id, TenantId, WorkloadId } from './ids.js';
export { BotSpecV1Schema, type BotSpecV1 } from './wire/bot-spec.js';

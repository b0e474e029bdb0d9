/**
 * The RL subsystem extracted from the monolith (`alphaswarm_rl`).
 *
 * @packageDocumentation
 */
export { canonicalJson } from './canonical-json.js';

/**
 * Custom models extracted from the monolith (`alphaswarm_models`).
 *
 * @packageDocumentation
 */
export { walkForwardWindows } from './walk-forward.js';
export type { WalkForwardOptions, WalkForwardWindow } from './walk-forward.js';

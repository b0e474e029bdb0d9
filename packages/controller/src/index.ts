/**
 * The control plane (`alphaswarm_controller`).
 *
 * @packageDocumentation
 */
export { MANAGE_PREFIX, isManagePath } from './manage-path.js';

/**
 * Client (`alphaswarm_client`).
 *
 * @packageDocumentation
 */
export { manageUrl } from './manage-url.js';

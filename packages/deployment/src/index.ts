/**
 * Deployment (`alphaswarm_platform/deployments`, `build/`).
 *
 * @packageDocumentation
 */
export { parseImageReference } from './image-reference.js';
export type { ImageReference } from './image-reference.js';

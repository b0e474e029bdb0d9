/**
 * Snippets (`alphaswarm_snippets`): read-only curated knowledge.
 *
 * @packageDocumentation
 */
export { contentDigest } from './content-digest.js';

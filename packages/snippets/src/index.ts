/**
 * Snippets (`alphaswarm_snippets`): curated code knowledge with annotations, prompts and a
 * provenance index (zod schemas). Read-only; production code never imports it.
 *
 * @packageDocumentation
 */
export { contentDigest } from './provenance/content-digest.js';
export {
  allowedLicences,
  LineRangeSchema,
  SnippetAnnotationSchema,
  SnippetEntrySchema,
  SnippetIndexSchema,
  SnippetSourceSchema,
} from './provenance/snippet-entry.js';
export type { SnippetAnnotation, SnippetEntry, SnippetIndex, SnippetSource } from './provenance/snippet-entry.js';
export { indexOf, validateSnippets, verifySnippetSources } from './provenance/validate-snippets.js';
export type { SnippetFiles, SnippetViolation, SourceReader } from './provenance/validate-snippets.js';
export { findSnippets, loadSnippetIndex, readSnippet, snippetFilesIn, snippetsDir } from './load-snippets.js';
export type { Snippet } from './load-snippets.js';
export { SnippetsError } from './snippets-error.js';
export type { SnippetsErrorCode } from './snippets-error.js';

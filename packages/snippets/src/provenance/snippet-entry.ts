import { ContentAddressSchema } from '@alphaswarm/core';
import { z } from 'zod';

// The provenance index (`provenance-index.json`) as zod schemas; the types are inferred from them.

const nonBlank = z.string().refine((value) => value.trim().length > 0);

/** First and last line (1-based, inclusive), first <= last. */
export const LineRangeSchema = z
  .tuple([z.int().min(1), z.int().min(1)])
  .refine(([first, last]) => first <= last)
  .readonly();

/** Where a snippet came from: a file of a repository at one commit, and the lines taken. */
export const SnippetSourceSchema = z
  .object({
    /** `owner/name` of a public repository, or `.` for this repository. */
    repository: z.string().refine((value) => value === '.' || /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(value)),
    /** The file's path inside that repository. */
    path: nonBlank.refine((value) => !value.startsWith('/') && !value.split('/').includes('..')),
    /** The full 40-hex commit the lines were taken at. */
    commit: z.string().regex(/^[0-9a-f]{40}$/),
    /** First and last line taken (1-based, inclusive). */
    lines: LineRangeSchema,
  })
  .readonly();

/** Where a snippet came from: a file of a repository at one commit, and the lines taken. */
export type SnippetSource = z.infer<typeof SnippetSourceSchema>;

/** A note on some lines of a snippet (1-based, inclusive, counted in the snippet file). */
export const SnippetAnnotationSchema = z.object({ lines: LineRangeSchema, note: nonBlank }).readonly();

/** A note on some lines of a snippet (1-based, inclusive, counted in the snippet file). */
export type SnippetAnnotation = z.infer<typeof SnippetAnnotationSchema>;

/** What an entry says about itself, apart from its provenance, licence and digest. */
export const SnippetShapeSchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9-]{1,63}$/),
  /** The curated file, relative to the package folder (under `curated/`). */
  file: nonBlank.refine((value) => value.startsWith('curated/') && !value.split('/').includes('..')),
  language: nonBlank,
  annotations: z.array(SnippetAnnotationSchema).readonly(),
  /** Questions this snippet answers, for retrieval by agents and people. */
  prompts: z.array(nonBlank).min(1).readonly(),
});

/** One curated snippet of the provenance index. */
export const SnippetEntrySchema = SnippetShapeSchema.extend({
  source: SnippetSourceSchema,
  /** An SPDX licence identifier, or `UNLICENSED` for this repository's own code. */
  licence: nonBlank,
  /** The content address of the curated file's bytes. */
  sha256: ContentAddressSchema,
}).readonly();

/** One curated snippet of the provenance index. */
export type SnippetEntry = z.infer<typeof SnippetEntrySchema>;

/** The provenance index: version 1 and its entries, each still to be checked on its own. */
export const RawSnippetIndexSchema = z.object({ version: z.literal(1), snippets: z.array(z.record(z.string(), z.unknown())) });

/** The provenance index (`provenance-index.json`). */
export const SnippetIndexSchema = z.object({ version: z.literal(1), snippets: z.array(SnippetEntrySchema).readonly() }).readonly();

/** The provenance index (`provenance-index.json`). */
export type SnippetIndex = z.infer<typeof SnippetIndexSchema>;

/**
 * Licences curated knowledge may carry: permissive SPDX identifiers, which allow keeping an
 * excerpt with its attribution. `UNLICENSED` is accepted only for this repository's own code.
 */
export const allowedLicences: readonly string[] = Object.freeze([
  '0BSD',
  'Apache-2.0',
  'BSD-2-Clause',
  'BSD-3-Clause',
  'CC0-1.0',
  'ISC',
  'MIT',
  'Unlicense',
]);

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ContentAddressSchema } from '@alphaswarm/core';
import { z } from 'zod';
import { BotsError } from '../bots-error.js';

/** One entry of the published-versions lock. */
export const PublishedVersionSchema = z.strictObject({
  bot: z.string().min(1),
  version: z.string().min(1),
  digest: ContentAddressSchema,
});

/** The published-versions lock file. */
export const PublishedVersionsSchema = z.strictObject({
  $comment: z.string().optional(),
  versions: z.array(PublishedVersionSchema),
});

/** One published bot version: its content address never changes. */
export type PublishedVersion = z.infer<typeof PublishedVersionSchema>;

/** The published-versions lock: every bot version ever published, with its digest. */
export type PublishedVersions = z.infer<typeof PublishedVersionsSchema>;

/** The package's published-versions lock (`packages/bots/published-versions.json`). */
export const publishedVersionsFile: string = fileURLToPath(new URL('../../published-versions.json', import.meta.url));

/**
 * Parse a published-versions lock.
 *
 * @throws BotsError ASW-703 when the lock is not valid JSON or not the expected shape.
 */
export function parsePublishedVersions(text: string, file = publishedVersionsFile): PublishedVersions {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new BotsError('ASW-703', `${file}: not valid JSON (${(error as Error).message}); restore it from version control.`);
  }
  const parsed = PublishedVersionsSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new BotsError('ASW-703', `${file}: ${issue?.path.join('.') || '(root)'}: ${issue?.message}; restore it from version control.`);
  }
  return parsed.data;
}

/**
 * Read the package's published-versions lock.
 *
 * @throws BotsError ASW-703 when it cannot be read or parsed.
 */
export function readPublishedVersions(file = publishedVersionsFile): PublishedVersions {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new BotsError(
      'ASW-703',
      `${file}: cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); pass the published-versions lock with --lock.`,
    );
  }
  return parsePublishedVersions(text, file);
}

/** Serialise a lock as the file holds it (stable order: bot, then version as listed). */
export function formatPublishedVersions(lock: PublishedVersions): string {
  return `${JSON.stringify(lock, null, 2)}\n`;
}

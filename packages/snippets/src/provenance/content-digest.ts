import { createHash } from 'node:crypto';

/** The provenance digest of a snippet's content: `sha256:` and the hex SHA-256 of its bytes. */
export function contentDigest(content: string | Uint8Array): string {
  return `sha256:${createHash('sha256').update(content).digest('hex')}`;
}

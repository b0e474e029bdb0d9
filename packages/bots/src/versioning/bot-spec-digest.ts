import { createHash } from 'node:crypto';
import type { BotSpecV1 } from '@alphaswarm/core';
import canonicalize from 'canonicalize';

/**
 * The content address of a bot version: `sha256:` and the hex SHA-256 of the spec's canonical
 * JSON (RFC 8785), so the same spec always has the same digest, whatever its key order or layout.
 */
export function botSpecDigest(spec: BotSpecV1): string {
  return `sha256:${createHash('sha256')
    .update(canonicalize(spec) ?? '')
    .digest('hex')}`;
}

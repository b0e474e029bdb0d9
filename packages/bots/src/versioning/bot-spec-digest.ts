import { contentAddressOfJson, type BotSpecV1, type ContentAddress } from '@alphaswarm/core';

/**
 * The content address of a bot version: the content address of the spec's canonical JSON
 * (RFC 8785), so the same spec always has the same digest, whatever its key order or layout.
 */
export function botSpecDigest(spec: BotSpecV1): ContentAddress {
  return contentAddressOfJson(spec);
}

import { contentAddressOfBytes, type ContentAddress } from '@alphaswarm/core';

/** The provenance digest of a snippet's content: the content address of its bytes. */
export function contentDigest(content: string | Uint8Array): ContentAddress {
  return contentAddressOfBytes(content);
}

import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { z } from 'zod';
import { canonicalJson } from './canonical-json.js';

declare const brand: unique symbol;

/**
 * A content address: `sha256:` and the 64 lowercase hex digits of the SHA-256 of some bytes. Bot
 * versions, RL spec locks, snippet provenance and model artifacts are all named this way.
 */
export type ContentAddress = string & { readonly [brand]: 'content-address' };

/** The shape of every content address. */
export const CONTENT_ADDRESS_PATTERN = /^sha256:[0-9a-f]{64}$/;

/** A content address in a wire or file format (a string of the right shape). */
export const ContentAddressSchema = z
  .string()
  .regex(CONTENT_ADDRESS_PATTERN, 'is not a content address: use sha256: and 64 lowercase hex digits')
  .transform((value) => value as ContentAddress);

/** The content address of bytes (a string is taken as its UTF-8 bytes). */
export function contentAddressOfBytes(content: string | Uint8Array): ContentAddress {
  return `sha256:${bytesToHex(sha256(typeof content === 'string' ? utf8ToBytes(content) : content))}` as ContentAddress;
}

/**
 * The content address of a JSON value: the address of its canonical JSON (RFC 8785), so the same
 * value has the same address whatever its key order or layout.
 *
 * @throws TypeError for `undefined` or anything else JSON cannot represent — never the address of
 * an empty string.
 */
export function contentAddressOfJson(value: unknown): ContentAddress {
  return contentAddressOfBytes(canonicalJson(value));
}

/** Check and brand a content address read from a file or the wire. */
export function parseContentAddress(value: string): ContentAddress {
  if (!CONTENT_ADDRESS_PATTERN.test(value)) {
    throw new TypeError(`invalid content address "${value}": use sha256: and 64 lowercase hex digits`);
  }
  return value as ContentAddress;
}

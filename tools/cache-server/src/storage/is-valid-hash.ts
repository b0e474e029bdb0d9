/** The longest task hash the server accepts; Nx's hashes are far shorter. */
export const MAX_HASH_LENGTH = 128;

const hashPattern = new RegExp(`^[A-Za-z0-9_-]{1,${MAX_HASH_LENGTH}}$`);

/**
 * True when `hash` may name a cache entry: 1 to {@link MAX_HASH_LENGTH} letters, digits, `_` or
 * `-`. Nothing else — no `.`, no path separator, no percent-decoded byte — so a hash can never
 * leave the storage folder or name a hidden or temporary file.
 */
export function isValidHash(hash: string): boolean {
  return hashPattern.test(hash);
}

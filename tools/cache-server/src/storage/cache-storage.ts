import type { Readable } from 'node:stream';

/** A stored entry, opened for reading. */
export interface CacheEntry {
  /** The entry's size in bytes (the `Content-Length` of the answer). */
  readonly size: number;
  /** The entry's bytes. */
  readonly body: Readable;
}

/** What a write did: `stored` the bytes, or found the entry already there and left it alone. */
export type WriteOutcome = 'stored' | 'exists';

/** How much the storage holds. */
export interface StorageUsage {
  /** How many entries are stored. */
  readonly entries: number;
  /** Their total size in bytes. */
  readonly bytes: number;
}

/**
 * Where the cache server keeps entries. The contract every implementation keeps (a local folder
 * today, an object store later):
 *
 * - entries are write-once: `write` never replaces an entry, and of concurrent writes of one hash
 *   exactly one stores its bytes;
 * - an entry appears whole or not at all: `write` stores nothing unless exactly `length` bytes
 *   arrived, and no reader ever sees a partial entry;
 * - hashes are validated by the caller ({@link isValidHash}) before they reach the storage.
 */
export interface CacheStorage {
  /** True when an entry for `hash` is stored. */
  has(hash: string): Promise<boolean>;
  /** Open the entry for `hash` (and count it as read, for retention), or `undefined` on a miss. */
  read(hash: string): Promise<CacheEntry | undefined>;
  /**
   * Store exactly `length` bytes from `body` under `hash` unless an entry exists.
   *
   * @throws IncompleteUploadError when `body` ends or fails before `length` bytes, or brings more;
   * nothing is stored then.
   */
  write(hash: string, body: Readable, length: number): Promise<WriteOutcome>;
  /** Entries and bytes held now. */
  usage(): StorageUsage;
  /** Wait for writes in progress to settle (stored or discarded whole). */
  close(): Promise<void>;
}

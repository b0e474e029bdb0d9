import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { link, mkdir, open, readdir, rm, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { CacheServerError } from '../cache-server-error.js';
import type { CacheEntry, CacheStorage, StorageUsage, WriteOutcome } from './cache-storage.js';
import { IncompleteUploadError } from './incomplete-upload-error.js';
import { isValidHash } from './is-valid-hash.js';

/** Where and how much a {@link DirectoryStorage} keeps. */
export interface DirectoryStorageOptions {
  /** The folder; `entries/` and `tmp/` are made inside it. */
  readonly dir: string;
  /** Retention: when the entries hold more bytes than this, the least recently read are evicted. */
  readonly maxBytes?: number;
  /** Told about every evicted entry (for the logs). */
  readonly onEvict?: (hash: string, size: number) => void;
}

interface Indexed {
  readonly size: number;
  /** A tick of the storage's clock: higher was read (or written) later. */
  lastRead: number;
}

const errorCode = (error: unknown): string | undefined => (error as NodeJS.ErrnoException | undefined)?.code;

/**
 * Cache entries as files in a local folder: `entries/<hash>` holds one entry's bytes and
 * `tmp/` holds uploads in progress. An upload is written to its own temporary file, flushed to
 * disk, and hard-linked to `entries/<hash>` only when exactly the declared length arrived; the
 * link fails when the entry exists, so of concurrent uploads of one hash exactly one is stored and
 * nothing ever replaces an entry. A reader opens only finished entries. The last read time is kept
 * in the file's access time, so retention survives a restart. One server process owns a folder:
 * the byte count for retention is kept in memory.
 */
export class DirectoryStorage implements CacheStorage {
  readonly #entriesDir: string;
  readonly #tmpDir: string;
  readonly #maxBytes: number | undefined;
  readonly #onEvict: ((hash: string, size: number) => void) | undefined;
  readonly #index = new Map<string, Indexed>();
  readonly #pending = new Set<Promise<WriteOutcome>>();
  #bytes = 0;
  /** Orders reads and writes; file access times only order what was there at open. */
  #clock = 0;

  private constructor(options: DirectoryStorageOptions) {
    this.#entriesDir = join(options.dir, 'entries');
    this.#tmpDir = join(options.dir, 'tmp');
    this.#maxBytes = options.maxBytes;
    this.#onEvict = options.onEvict;
  }

  /**
   * Open (and create) the folder: leftovers of interrupted uploads in `tmp/` are deleted, the
   * entries are indexed, and retention is applied once.
   *
   * @throws CacheServerError ASW-905 when the folder cannot be created or written.
   */
  static async open(options: DirectoryStorageOptions): Promise<DirectoryStorage> {
    const storage = new DirectoryStorage(options);
    try {
      await mkdir(storage.#entriesDir, { recursive: true });
      await rm(storage.#tmpDir, { recursive: true, force: true });
      await mkdir(storage.#tmpDir, { recursive: true });
      const probe = join(storage.#tmpDir, `.probe-${randomUUID()}`);
      await (await open(probe, 'wx')).close();
      const linked = join(storage.#entriesDir, `.probe-${randomUUID()}`);
      await link(probe, linked);
      await unlink(linked);
      await unlink(probe);
    } catch (error) {
      throw new CacheServerError(
        'ASW-905',
        `cannot use ${options.dir} as the cache folder (${errorCode(error) ?? String(error)}); give --dir a folder on a local file system the server can write`,
      );
    }
    const found = [];
    for (const name of await readdir(storage.#entriesDir)) {
      if (!isValidHash(name)) continue;
      const info = await stat(join(storage.#entriesDir, name));
      found.push({ name, size: info.size, atime: info.atimeMs });
    }
    found.sort((a, b) => a.atime - b.atime || a.name.localeCompare(b.name));
    for (const { name, size } of found) {
      storage.#index.set(name, { size, lastRead: ++storage.#clock });
      storage.#bytes += size;
    }
    await storage.#evict(undefined);
    return storage;
  }

  /** {@inheritDoc CacheStorage.has} */
  async has(hash: string): Promise<boolean> {
    if (this.#index.has(hash)) return true;
    try {
      await stat(this.#entryPath(hash));
      return true;
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return false;
      throw error;
    }
  }

  /** {@inheritDoc CacheStorage.read} */
  async read(hash: string): Promise<CacheEntry | undefined> {
    let handle;
    try {
      handle = await open(this.#entryPath(hash), 'r');
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return undefined;
      throw error;
    }
    try {
      const info = await handle.stat();
      const now = new Date();
      await handle.utimes(now, info.mtime);
      const indexed = this.#index.get(hash);
      if (indexed) indexed.lastRead = ++this.#clock;
      return { size: info.size, body: handle.createReadStream() };
    } catch (error) {
      await handle.close();
      throw error;
    }
  }

  /** {@inheritDoc CacheStorage.write} */
  async write(hash: string, body: Readable, length: number): Promise<WriteOutcome> {
    if (await this.has(hash)) return 'exists';
    const task = this.#store(hash, body, length);
    this.#pending.add(task);
    try {
      return await task;
    } finally {
      this.#pending.delete(task);
    }
  }

  /** {@inheritDoc CacheStorage.usage} */
  usage(): StorageUsage {
    return { entries: this.#index.size, bytes: this.#bytes };
  }

  /** {@inheritDoc CacheStorage.close} */
  async close(): Promise<void> {
    await Promise.allSettled([...this.#pending]);
  }

  #entryPath(hash: string): string {
    return join(this.#entriesDir, hash);
  }

  async #store(hash: string, body: Readable, length: number): Promise<WriteOutcome> {
    const temp = join(this.#tmpDir, `${hash}.${randomUUID()}`);
    try {
      await this.#receive(hash, body, length, temp);
      try {
        await link(temp, this.#entryPath(hash));
      } catch (error) {
        if (errorCode(error) === 'EEXIST') return 'exists';
        throw error;
      }
      this.#index.set(hash, { size: length, lastRead: ++this.#clock });
      this.#bytes += length;
      await this.#evict(hash);
      return 'stored';
    } finally {
      await rm(temp, { force: true });
    }
  }

  async #receive(hash: string, body: Readable, length: number, temp: string): Promise<void> {
    let received = 0;
    const counter = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        received += chunk.length;
        callback(received > length ? new IncompleteUploadError(hash, received, length) : null, chunk);
      },
    });
    try {
      // `flush`: the bytes are on disk before the entry is linked, so a crash cannot leave a short entry.
      await pipeline(body, counter, createWriteStream(temp, { flags: 'wx', flush: true }));
    } catch (error) {
      if (error instanceof IncompleteUploadError) throw error;
      throw new IncompleteUploadError(hash, received, length, { cause: error });
    }
    if (received !== length) throw new IncompleteUploadError(hash, received, length);
  }

  async #evict(keep: string | undefined): Promise<void> {
    if (this.#maxBytes === undefined || this.#bytes <= this.#maxBytes) return;
    const oldestFirst = [...this.#index].filter(([hash]) => hash !== keep).sort(([, a], [, b]) => a.lastRead - b.lastRead);
    for (const [hash] of oldestFirst) {
      if (this.#bytes <= this.#maxBytes) break;
      const indexed = this.#index.get(hash);
      if (!indexed) continue;
      this.#index.delete(hash);
      this.#bytes -= indexed.size;
      try {
        await unlink(this.#entryPath(hash));
      } catch (error) {
        if (errorCode(error) !== 'ENOENT') throw error;
      }
      this.#onEvict?.(hash, indexed.size);
    }
  }
}

/** `MetadataCache`: a bounded TTL cache for instrument and dataset metadata. */
export class MetadataCache<V> {
  private readonly entries = new Map<string, { value: V; expiresAt: number }>();

  constructor(private readonly options: { readonly ttlMs: number; readonly maxEntries: number; readonly now?: () => number }) {
    if (options.ttlMs <= 0 || options.maxEntries <= 0) {
      throw new RangeError('MetadataCache: ttlMs and maxEntries must be positive');
    }
  }

  private now(): number {
    return (this.options.now ?? Date.now)();
  }

  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  set(key: string, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, { value, expiresAt: this.now() + this.options.ttlMs });
    while (this.entries.size > this.options.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }

  /** Return the cached value or load, cache and return it. */
  async getOrLoad(key: string, load: (key: string) => Promise<V>): Promise<V> {
    const cached = this.get(key);
    if (cached !== undefined) return cached;
    const value = await load(key);
    this.set(key, value);
    return value;
  }

  get size(): number {
    return this.entries.size;
  }
}

/**
 * Every cache the server keeps is bounded in bytes, not only in entries: an lru-cache whose
 * entries are measured when they are stored, the least recently used evicted first once the
 * budget is full, and an entry larger than its limit never stored. The sizes are estimates of the
 * heap an entry holds, measured once (see docs/production.md#memory): a string of n characters
 * counts 2n bytes, a parsed document 80 times its text, a compiled one 400 times.
 */
import { LRUCache } from 'lru-cache';

/** What lru-cache accepts as a key or a value: anything but null and undefined. */
type Defined = NonNullable<unknown>;

export interface ByteBudget {
  /** Bytes the cache may hold in all. */
  maxBytes: number;
  /** Bytes one entry may hold; a larger one is not stored. The whole budget by default. */
  maxEntryBytes?: number;
}

/**
 * The caches of one server, by name, each bounded in bytes: src/plugins/observability.ts reports
 * their sizes at /metrics (`claimgraph_cache_bytes`, `claimgraph_cache_entries`).
 */
/** What /metrics reads of a cache. */
export type CacheStats = Pick<LRUCache<Defined, Defined>, 'calculatedSize' | 'size' | 'maxSize'>;

export class Caches {
  readonly byName = new Map<string, CacheStats>();

  /** A new cache of this server of at most `budget.maxBytes`, each entry measured by `size`, named for /metrics. */
  lru<K extends Defined, V extends Defined>(
    name: string,
    { maxBytes, maxEntryBytes = maxBytes }: ByteBudget,
    size: (value: V, key: K) => number,
  ): LRUCache<K, V> {
    const cache = new LRUCache<K, V>({
      maxSize: maxBytes,
      maxEntrySize: Math.min(maxEntryBytes, maxBytes),
      // lru-cache wants a positive integer.
      sizeCalculation: (value, key) => Math.max(1, Math.ceil(size(value, key))),
    });
    this.byName.set(name, cache);
    return cache;
  }
}

/** What a string holds on the heap, at most: V8 keeps it in one or two bytes a character. */
export const stringBytes = (text: string): number => 2 * text.length;

/**
 * A parsed document holds about 40 times its text (graphql-js's AST, locations and tokens
 * included); with its validation result and the copy the response cache annotates, counted 80.
 */
export const DOCUMENT_BYTES_PER_CHARACTER = 80;

/**
 * An operation compiled by graphql-jit holds 45 to 360 times its text on the heap, as measured
 * here (v8 heap after a full GC, 100 operations each: DroneAccusations 45, 14 aliased connections
 * 357); counted 400.
 */
export const COMPILED_BYTES_PER_CHARACTER = 400;

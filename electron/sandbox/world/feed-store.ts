export interface FeedEntry<T> {
  version: number;
  id: string;
  /** null for a tombstone. */
  value: T | null;
}

/**
 * One change feed: the current value (or tombstone) of every item plus a log ordered by version. An item that
 * changes again gets a newer version, so a reader that resumes after any version sees every item's latest state
 * exactly once: no gaps, no duplicates.
 */
export class FeedStore<T> {
  private readonly current = new Map<string, FeedEntry<T>>();
  private log: Array<{ version: number; id: string }> = [];
  /** Items that are not tombstones, kept as they change: counting them walked a million entries at a time. */
  private live = 0;

  constructor(private readonly nextVersion: () => number) {}

  upsert(id: string, value: T): number {
    return this.record(id, value);
  }

  delete(id: string): number | null {
    const entry = this.current.get(id);
    if (!entry || entry.value === null) return null;
    return this.record(id, null);
  }

  get(id: string): T | undefined {
    return this.current.get(id)?.value ?? undefined;
  }

  has(id: string): boolean {
    return this.get(id) !== undefined;
  }

  versionOf(id: string): number | undefined {
    return this.current.get(id)?.version;
  }

  *values(): IterableIterator<T> {
    for (const entry of this.current.values()) if (entry.value !== null) yield entry.value;
  }

  /** Every item with its version, tombstones included, in insertion order. */
  entries(): IterableIterator<FeedEntry<T>> {
    return this.current.values();
  }

  get size(): number {
    return this.live;
  }

  /**
   * The ids of the live items at the given places (counted in the feed's insertion order, tombstones skipped), found
   * in one walk over the map itself: a generator's walk allocated an object per item, a million per call.
   */
  idsAtPlaces(places: ReadonlySet<number>): Map<number, string> {
    const ids = new Map<number, string>();
    let place = 0;
    for (const entry of this.current.values()) {
      if (entry.value === null) continue;
      if (places.has(place)) ids.set(place, entry.id);
      place++;
    }
    return ids;
  }

  /** Up to `limit` entries with a version above `after`, oldest first. */
  page(
    after: number,
    limit: number,
  ): { entries: Array<FeedEntry<T>>; lastVersion: number; hasMore: boolean; remaining: number } {
    let low = 0;
    let high = this.log.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if ((this.log[mid]?.version ?? 0) <= after) low = mid + 1;
      else high = mid;
    }
    const entries: Array<FeedEntry<T>> = [];
    let lastVersion = after;
    let index = low;
    for (; index < this.log.length; index++) {
      const item = this.log[index];
      if (!item) break;
      const entry = this.current.get(item.id);
      if (!entry || entry.version !== item.version) {
        if (entries.length < limit) lastVersion = item.version;
        continue;
      }
      if (entries.length === limit) break;
      entries.push(entry);
      lastVersion = item.version;
    }
    // An upper bound: the log may still hold superseded entries.
    return { entries, lastVersion, hasMore: index < this.log.length, remaining: this.log.length - index };
  }

  private record(id: string, value: T | null): number {
    const version = this.nextVersion();
    const wasLive = (this.current.get(id)?.value ?? null) !== null;
    this.live += Number(value !== null) - Number(wasLive);
    this.current.set(id, { version, id, value });
    this.log.push({ version, id });
    if (this.log.length > 20_000 && this.log.length > this.current.size * 3) this.compact();
    return version;
  }

  private compact(): void {
    this.log = this.log.filter((item) => this.current.get(item.id)?.version === item.version);
  }
}

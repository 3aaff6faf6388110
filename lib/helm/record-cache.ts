// A bounded memo with in-flight sharing: concurrent callers for one key share one load; results are kept in LRU
// order up to a number of entries and a total weight. Failed loads are not kept. No I/O of its own.

export class RecordCache<T> {
  private readonly done = new Map<string, { value: T; weight: number }>();
  private readonly inflight = new Map<string, Promise<T>>();
  private total = 0;

  constructor(
    private readonly maxEntries: number,
    private readonly maxWeight: number,
    private readonly weigh: (value: T) => number,
  ) {}

  get size(): number {
    return this.done.size;
  }

  get weight(): number {
    return this.total;
  }

  /** The value for `key`: memoised, the in-flight load, or a new `load()`. */
  get(key: string, load: () => Promise<T>): Promise<T> {
    const hit = this.done.get(key);
    if (hit) {
      this.done.delete(key);
      this.done.set(key, hit); // most recently used last
      return Promise.resolve(hit.value);
    }
    const pending = this.inflight.get(key);
    if (pending) return pending;
    const p = load()
      .then((value) => {
        this.store(key, value);
        return value;
      })
      .finally(() => this.inflight.delete(key));
    this.inflight.set(key, p);
    return p;
  }

  private store(key: string, value: T): void {
    const weight = Math.max(0, this.weigh(value));
    if (weight > this.maxWeight) return; // never kept: larger than the whole budget
    const old = this.done.get(key);
    if (old) {
      this.total -= old.weight;
      this.done.delete(key);
    }
    this.done.set(key, { value, weight });
    this.total += weight;
    for (const [k, v] of this.done) {
      if (this.done.size <= this.maxEntries && this.total <= this.maxWeight) break;
      this.done.delete(k);
      this.total -= v.weight;
    }
  }

  clear(): void {
    this.done.clear();
    this.total = 0;
  }
}

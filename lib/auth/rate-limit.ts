// Fixed-window counters in process memory, keyed by caller (ip, user, …). Good for one replica; a shared store
// is needed for several (noted in ARCHITECTURE.md).

interface Window {
  start: number;
  count: number;
}

export class RateLimiter {
  private readonly windows = new Map<string, Window>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Seconds until the key may try again, or 0 when it is under the limit. Does not count. */
  retryAfter(key: string): number {
    const w = this.current(key);
    if (!w || w.count < this.limit) return 0;
    return Math.max(1, Math.ceil((w.start + this.windowMs - this.now()) / 1000));
  }

  /** Counts one hit; returns false when the key was already over the limit. */
  hit(key: string): boolean {
    const w = this.current(key) ?? { start: this.now(), count: 0 };
    w.count += 1;
    this.windows.set(key, w);
    if (this.windows.size > 10_000) this.sweep();
    return w.count <= this.limit;
  }

  reset(key: string): void {
    this.windows.delete(key);
  }

  private current(key: string): Window | undefined {
    const w = this.windows.get(key);
    if (w && this.now() - w.start >= this.windowMs) {
      this.windows.delete(key);
      return undefined;
    }
    return w;
  }

  private sweep(): void {
    const now = this.now();
    for (const [k, w] of this.windows) if (now - w.start >= this.windowMs) this.windows.delete(k);
  }
}

const globalForLimits = globalThis as unknown as { fluxtowerLimits?: Map<string, RateLimiter> };

/** A process-wide named limiter (created on first use). */
export function limiter(name: string, limit: number, windowMs: number): RateLimiter {
  const all = (globalForLimits.fluxtowerLimits ??= new Map());
  let l = all.get(name);
  if (!l) {
    l = new RateLimiter(limit, windowMs);
    all.set(name, l);
  }
  return l;
}

// Request tokens and timestamps written by actions. Pure: the clock is injected.
//
// - Flux request token: RFC 3339 in UTC with exactly 9 fractional digits (Go's RFC3339Nano layout, zero-padded),
//   e.g. "2025-06-12T10:20:30.123456789Z". Flux compares tokens only for equality; they must be unique per request
//   so that "lastHandledReconcileAt == our token" identifies OUR request (DOMAIN.md §1.1).
// - Restart: RFC 3339 with second precision, like `kubectl rollout restart` (DOMAIN.md §3).
// - ESO force-sync: unix seconds, like `kubectl annotate es … force-sync=$(date +%s)` (DOMAIN.md §2).

export const TOKEN_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{9}Z$/;

/** The "now" of a token: epoch milliseconds plus the sub-millisecond part in nanoseconds (0–999999). */
export interface TokenClock {
  ms: number;
  subMsNanos: number;
}

/** Formats an instant as RFC 3339 UTC with 9 fractional digits. */
export function formatNanoToken(clock: TokenClock): string {
  const iso = new Date(clock.ms).toISOString(); // 2025-06-12T10:20:30.123Z
  const sub = Math.max(0, Math.min(999_999, Math.trunc(clock.subMsNanos)));
  return `${iso.slice(0, 23)}${String(sub).padStart(6, "0")}Z`;
}

/** Restart annotation value: RFC 3339, second precision, UTC. */
export function restartTimestamp(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19)}Z`;
}

/** ESO force-sync annotation value: unix seconds as a string. */
export function unixSeconds(ms: number): string {
  return String(Math.floor(ms / 1000));
}

/** Suspend time annotation: RFC 3339 UTC, second precision. */
export function suspendTimestamp(ms: number): string {
  return restartTimestamp(ms);
}

/**
 * A token source that never repeats within the process, even for two requests in the same nanosecond reading:
 * it takes the wall clock and the high-resolution clock for the sub-millisecond digits and bumps by 1 ns when the
 * result would not be strictly greater than the previous one.
 */
export class TokenSource {
  private last = 0n;

  constructor(
    private readonly now: () => number = Date.now,
    private readonly hr: () => bigint = process.hrtime.bigint,
  ) {}

  next(): string {
    const ms = BigInt(this.now());
    let total = ms * 1_000_000n + (this.hr() % 1_000_000n);
    if (total <= this.last) total = this.last + 1n;
    this.last = total;
    return formatNanoToken({ ms: Number(total / 1_000_000n), subMsNanos: Number(total % 1_000_000n) });
  }
}

const globalTokens = globalThis as unknown as { fluxtowerTokens?: TokenSource };

/** The process-wide token source. */
export function nextToken(): string {
  globalTokens.fluxtowerTokens ??= new TokenSource();
  return globalTokens.fluxtowerTokens.next();
}

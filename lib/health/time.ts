// Time helpers. Pure: "now" is always injected (Date.now() only as a default).
import type { HealthContext } from "./types";

/** `ctx.now` in epoch milliseconds (Date.now() when not given). */
export function nowMs(ctx?: HealthContext): number {
  const n = ctx?.now;
  if (n instanceof Date) return n.getTime();
  if (typeof n === "number") return n;
  return Date.now();
}

/**
 * Parses an RFC 3339 timestamp (any offset, nanoseconds allowed) to epoch ms. Also accepts epoch seconds
 * ("1718186400", what `$(date +%s)` tokens contain). Undefined when absent or anything else.
 */
export function parseTime(s: unknown): number | undefined {
  if (typeof s !== "string") return undefined;
  if (/^\d{9,10}$/.test(s)) return Number(s) * 1000;
  if (!/^\d{4}-\d{2}-\d{2}T/.test(s)) return undefined;
  const t = Date.parse(s);
  return Number.isNaN(t) ? undefined : t;
}

/** Compact duration like Go's/kubectl's: "15s", "42m", "3h5m", "2d4h". Negative durations count as 0. */
export function formatDuration(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m`;
  const h = Math.floor(m / 60);
  if (h < 24) return m % 60 ? `${h}h${m % 60}m` : `${h}h`;
  const d = Math.floor(h / 24);
  return h % 24 ? `${d}d${h % 24}h` : `${d}d`;
}

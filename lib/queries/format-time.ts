// Time formatting for the UI. Pure: "now" is always passed in.

function parse(iso: string | null | undefined): number | undefined {
  if (!iso) return undefined;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? undefined : t;
}

/** Compact duration like kubectl's AGE column: 45s, 12m, 3h, 5d, 2y. */
export function formatDurationShort(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m`;
  const h = Math.floor(m / 60);
  if (h < 48) return `${h}h`;
  const d = Math.floor(h / 24);
  if (d < 730) return `${d}d`;
  return `${Math.floor(d / 365)}y`;
}

/** "3m ago", "just now", or "—" when unknown. Future times (clock skew) read "just now". */
export function timeAgo(iso: string | null | undefined, now: number): string {
  const t = parse(iso);
  if (t === undefined) return "—";
  const diff = now - t;
  if (diff < 5_000) return "just now";
  return `${formatDurationShort(diff)} ago`;
}

/** Age of an object (kubectl style), "—" when unknown. */
export function age(iso: string | null | undefined, now: number): string {
  const t = parse(iso);
  return t === undefined ? "—" : formatDurationShort(now - t);
}

const pad = (n: number) => String(n).padStart(2, "0");

/** Local wall-clock time HH:MM:SS, "—" when unknown. */
export function formatClock(iso: string | null | undefined): string {
  const t = parse(iso);
  if (t === undefined) return "—";
  const d = new Date(t);
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

/** Full local timestamp for tooltips: 2024-05-01 13:05:09. */
export function formatTimestamp(iso: string | null | undefined): string {
  const t = parse(iso);
  if (t === undefined) return "";
  const d = new Date(t);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${formatClock(iso)}`;
}

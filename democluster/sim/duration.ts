// Go time.Duration strings as used in Flux/ESO specs ("1h0m0s", "10m", "30s", "500ms", "0").
const UNITS: Record<string, number> = { ns: 1e-6, us: 1e-3, µs: 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** Milliseconds, or undefined when the string is not a valid duration. */
export function parseDuration(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const s = text.trim();
  if (s === "0") return 0;
  const re = /(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/gy;
  let total = 0;
  let matched = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s)) !== null) {
    total += parseFloat(m[1]) * UNITS[m[2]];
    matched = re.lastIndex;
  }
  return matched === s.length && matched > 0 ? total : undefined;
}

export function durationOr(text: unknown, fallbackMs: number): number {
  return typeof text === "string" ? (parseDuration(text) ?? fallbackMs) : fallbackMs;
}

/** Go's Duration.String() for whole seconds/minutes/hours: 300000 -> "5m0s". */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)}ms`;
  let seconds = Math.round(ms / 1000);
  const h = Math.floor(seconds / 3600);
  seconds -= h * 3600;
  const m = Math.floor(seconds / 60);
  seconds -= m * 60;
  if (h > 0) return `${h}h${m}m${seconds}s`;
  if (m > 0) return `${m}m${seconds}s`;
  return `${seconds}s`;
}

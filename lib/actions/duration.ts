// Go duration strings ("5m", "1h30m", "2.5s", "300ms") as used in Flux `spec.timeout`, and the operation
// timeout rule: the object's spec.timeout, else 5 minutes. Pure.
import type { KubeObject } from "@/lib/kinds/object";

export const DEFAULT_TIMEOUT_MS = 5 * 60_000;

const UNIT_MS: Record<string, number> = {
  ns: 1e-6,
  us: 1e-3,
  "µs": 1e-3,
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
};

/** Milliseconds of a Go duration string, or undefined when it is not one. "0" is 0. */
export function parseGoDuration(text: string): number | undefined {
  const s = text.trim();
  if (s === "0") return 0;
  if (!/^(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+$/.test(s)) return undefined;
  let total = 0;
  for (const m of s.matchAll(/(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/g)) total += Number(m[1]) * UNIT_MS[m[2]];
  return total;
}

/** Operation timeout for an object: a positive `spec.timeout` (Flux kinds), else 5 minutes. */
export function timeoutFor(obj: KubeObject): number {
  const t = obj.spec?.timeout;
  if (typeof t !== "string") return DEFAULT_TIMEOUT_MS;
  const ms = parseGoDuration(t);
  return ms && ms > 0 ? ms : DEFAULT_TIMEOUT_MS;
}

/** "5m0s"-style text of a duration for messages. */
export function formatTimeout(ms: number): string {
  const s = Math.round(ms / 1000);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  return `${h ? `${h}h` : ""}${h || m ? `${m}m` : ""}${sec}s`;
}

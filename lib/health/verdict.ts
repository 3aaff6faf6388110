// Small constructors for Verdicts. Pure module.
import type { HealthStatus, Verdict } from "./types";

type VerdictFlags = Partial<Pick<Verdict, "stale" | "stalled" | "offerReset" | "extra">>;

/** Builds a Verdict; `stale`/`stalled` default to false, empty `extra` is omitted. */
export function verdict(status: HealthStatus, reason: string, message: string, flags: VerdictFlags = {}): Verdict {
  const v: Verdict = { status, reason, message, stale: flags.stale ?? false, stalled: flags.stalled ?? false };
  if (flags.offerReset) v.offerReset = true;
  if (flags.extra && flags.extra.length > 0) v.extra = [...flags.extra];
  return v;
}

/** Returns `v` with the given secondary signals appended (undefined/empty lines skipped, duplicates dropped). */
export function withExtra(v: Verdict, ...lines: Array<string | undefined>): Verdict {
  const add = lines.filter((l): l is string => typeof l === "string" && l !== "");
  if (add.length === 0) return v;
  const extra = [...(v.extra ?? [])];
  for (const l of add) if (!extra.includes(l)) extra.push(l);
  return { ...v, extra };
}

// Rules shared by every kind: deletion pending / stuck on finalizers. Pure module.
import type { KubeObject } from "../kinds/object";
import { formatDuration, nowMs, parseTime } from "./time";
import { DEFAULT_STUCK_AFTER_MS, type HealthContext, type Verdict } from "./types";
import { verdict } from "./verdict";

/**
 * Verdict for an object with `metadata.deletionTimestamp` (kstatus "Terminating"), or undefined when it is not
 * being deleted. Progressing "deletion pending" while finalizers run; Degraded "stuck on finalizer …" once the
 * deletion is older than `ctx.stuckAfterMs` (default 5 minutes) relative to `ctx.now`. For pods the
 * deletionTimestamp already includes the grace period, so the same threshold applies after it.
 */
export function deletionVerdict(obj: KubeObject, ctx?: HealthContext): Verdict | undefined {
  const ts = obj.metadata.deletionTimestamp;
  if (!ts) return undefined;
  const finalizers = obj.metadata.finalizers ?? [];
  const since = parseTime(ts);
  const age = since === undefined ? 0 : nowMs(ctx) - since;
  const limit = ctx?.stuckAfterMs ?? DEFAULT_STUCK_AFTER_MS;
  const names = finalizers.join(", ");
  if (age > limit) {
    const what = finalizers.length > 0 ? `stuck on finalizer ${names}` : "stuck terminating";
    const reason = finalizers.length > 0 ? "StuckOnFinalizer" : "StuckTerminating";
    return verdict("Degraded", reason, `${what} for ${formatDuration(age)}`, {
      extra: finalizers.length > 0 ? [`deletion requested ${formatDuration(age)} ago`] : undefined,
    });
  }
  const msg = finalizers.length > 0 ? `deletion pending: waiting for finalizer ${names}` : "deletion pending";
  return verdict("Progressing", "Terminating", msg);
}

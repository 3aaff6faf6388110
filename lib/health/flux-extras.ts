// Secondary signals for Kustomization and HelmRelease verdicts. Pure module.
import type { KubeObject } from "../kinds/object";
import { num, recs, str } from "./read";
import { shortRevision } from "./getters";
import type { Verdict } from "./types";
import { withExtra } from "./verdict";

/**
 * Kustomization: when `lastAttemptedRevision ≠ lastAppliedRevision`, the new revision is failing (Ready False) or
 * being applied (Progressing) while the old one is still live.
 */
export function kustomizationExtras(obj: KubeObject, v: Verdict): Verdict {
  const attempted = str(obj.status?.lastAttemptedRevision);
  const applied = str(obj.status?.lastAppliedRevision);
  if (!attempted || attempted === applied) return v;
  const old = applied ? `${shortRevision(applied)} still applied` : "nothing applied yet";
  if (v.status === "Degraded") return withExtra(v, `new revision ${shortRevision(attempted)} failing; ${old}`);
  if (v.status === "Progressing") return withExtra(v, `applying new revision ${shortRevision(attempted)}; ${old}`);
  return v;
}

/**
 * HelmRelease: failure counters ("4 install failures") and the newest history entry when it is not `deployed`
 * ("release v3 failed (airflow 1.16.0)").
 */
export function helmReleaseExtras(obj: KubeObject, v: Verdict): Verdict {
  const s = obj.status;
  const lines: string[] = [];
  const install = num(s?.installFailures) ?? 0;
  const upgrade = num(s?.upgradeFailures) ?? 0;
  const total = num(s?.failures) ?? 0;
  if (install > 0) lines.push(plural(install, "install failure"));
  if (upgrade > 0) lines.push(plural(upgrade, "upgrade failure"));
  if (install === 0 && upgrade === 0 && total > 0) lines.push(plural(total, "failure"));
  const latest = recs(s?.history)[0];
  const status = str(latest?.status);
  if (latest && status && status !== "deployed") {
    const version = num(latest.version);
    const chart = [str(latest.chartName), str(latest.chartVersion)].filter(Boolean).join(" ");
    const head = version !== undefined ? `release v${version}` : "latest release";
    lines.push(`${head} ${status}${chart ? ` (${chart})` : ""}`);
  }
  return withExtra(v, ...lines);
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

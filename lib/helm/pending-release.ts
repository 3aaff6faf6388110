// Does a HelmRelease ask for something Helm has not applied (yet)? Pure; compares the HelmRelease status with the
// Helm records. Status fields from fluxcd/helm-controller `api/v2/helmrelease_types.go` (HelmReleaseStatus:
// lastAttemptedGeneration, lastAttemptedRevision = the loaded chart's version, lastAttemptedConfigDigest = digest of
// the composed values, history) and `api/v2/snapshot_types.go` (Snapshot: version, status, chartVersion,
// configDigest). The controller sets the lastAttempted* fields before it runs the Helm action
// (internal/controller/helmrelease_controller.go), so a difference with the newest snapshot means the attempt has
// not (or not successfully) produced a deployed revision.
import type { KubeObject } from "@/lib/kinds/object";
import type { HelmReleaseRecord } from "./release-record";
import { latestSnapshot } from "./release-name";

export interface PendingRelease {
  pending: boolean;
  /** One sentence per reason, for people. */
  reasons: string[];
}

const FAILED_OR_PENDING = /^(failed|pending-install|pending-upgrade|pending-rollback|uninstalling)$/;

function str(v: unknown): string | undefined {
  return typeof v === "string" && v !== "" ? v : undefined;
}

function short(digest: string): string {
  const [algo, hex] = digest.includes(":") ? digest.split(":", 2) : ["", digest];
  return `${algo ? `${algo}:` : ""}${hex.slice(0, 12)}`;
}

function chartOf(r: HelmReleaseRecord): string {
  return `${r.chart.name || "chart"} ${r.chart.version}`.trim();
}

/**
 * Whether the HelmRelease wants something Helm has not applied. `records` is what `releaseRecords` returned
 * (`current`: newest deployed revision, `latest`: highest revision).
 */
export function pendingRelease(
  hr: KubeObject,
  records: { current?: HelmReleaseRecord; latest?: HelmReleaseRecord },
): PendingRelease {
  const reasons: string[] = [];
  const { current, latest } = records;
  const status = hr.status ?? {};
  const snap = latestSnapshot(hr);

  if (latest && FAILED_OR_PENDING.test(latest.status) && (!current || latest.version > current.version)) {
    const what = latest.status === "failed" ? "failed" : `is ${latest.status}`;
    const since = latest.lastDeployed ? ` since ${latest.lastDeployed}` : "";
    const base = current ? `; revision ${current.version} (${chartOf(current)}) is still deployed` : "; no revision is deployed";
    const description = latest.description ? `: ${latest.description}` : "";
    reasons.push(`Helm revision ${latest.version} (${chartOf(latest)}) ${what}${since}${description}${base}.`);
  }

  const attemptedDigest = str(status.lastAttemptedConfigDigest);
  const deployedDigest = str(snap?.configDigest);
  if (attemptedDigest && deployedDigest && attemptedDigest !== deployedDigest)
    reasons.push(
      `helm-controller last attempted values ${short(attemptedDigest)}, but the newest Helm revision ${String(snap?.version ?? "?")} was made with values ${short(deployedDigest)}.`,
    );

  const attemptedChart = str(status.lastAttemptedRevision);
  const deployedChart = str(snap?.chartVersion);
  if (attemptedChart && deployedChart && attemptedChart !== deployedChart)
    reasons.push(
      `helm-controller last attempted chart version ${attemptedChart}, but the newest Helm revision ${String(snap?.version ?? "?")} has chart version ${deployedChart}.`,
    );

  const snapStatus = str(snap?.status);
  if (snapStatus && snapStatus !== "deployed" && snapStatus !== "superseded" && !reasons.length)
    reasons.push(`The newest Helm revision ${String(snap?.version ?? "?")} in the HelmRelease history is ${snapStatus}.`);

  const generation = hr.metadata.generation;
  const attemptedGeneration = typeof status.lastAttemptedGeneration === "number" ? status.lastAttemptedGeneration : undefined;
  if (typeof generation === "number" && attemptedGeneration !== undefined && generation > attemptedGeneration) {
    const suspended = hr.spec?.suspend === true ? " (the HelmRelease is suspended)" : "";
    reasons.push(
      `The HelmRelease changed (generation ${generation}) after helm-controller's last attempt (generation ${attemptedGeneration})${suspended}.`,
    );
  }

  return { pending: reasons.length > 0, reasons };
}

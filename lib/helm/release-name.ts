// Where helm-controller keeps a HelmRelease's Helm release: its name and storage namespace. Pure.
//
// fluxcd/helm-controller:
// - `api/v2/helmrelease_types.go` GetReleaseName: `spec.releaseName`, else `<targetNamespace>-<name>` when
//   targetNamespace is set, else `<name>`; GetStorageNamespace: `spec.storageNamespace`, else the HelmRelease's own
//   namespace (NOT the targetNamespace); `status.storageNamespace` is the storage of the current release.
// - `internal/release/name.go` ShortenName, applied to GetReleaseName at install/upgrade
//   (`internal/action/install.go`, `upgrade.go`): names longer than 53 bytes become the first 40 bytes + "-" +
//   the first 12 hex characters of sha256(name).
// - `status.history` (api/v2/snapshot_types.go) holds the real name: Snapshots sorted by version, newest first.
import { createHash } from "node:crypto";
import type { KubeObject } from "@/lib/kinds/object";

const MAX_RELEASE_NAME = 53;
const SHORT_HASH = 12;

function str(v: unknown): string | undefined {
  return typeof v === "string" && v !== "" ? v : undefined;
}

/** helm-controller's ShortenName. */
export function shortenReleaseName(name: string): string {
  const bytes = Buffer.from(name, "utf8");
  if (bytes.length <= MAX_RELEASE_NAME) return name;
  const sum = createHash("sha256").update(bytes).digest("hex");
  return `${bytes.subarray(0, MAX_RELEASE_NAME - (SHORT_HASH + 1)).toString("utf8")}-${sum.slice(0, SHORT_HASH)}`;
}

/** The newest `status.history` snapshot (highest version), if any. */
export function latestSnapshot(hr: KubeObject): Record<string, unknown> | undefined {
  const history = hr.status?.history;
  if (!Array.isArray(history)) return undefined;
  let best: Record<string, unknown> | undefined;
  for (const s of history) {
    if (typeof s !== "object" || s === null || Array.isArray(s)) continue;
    const snap = s as Record<string, unknown>;
    if (!best || (typeof snap.version === "number" && snap.version > (typeof best.version === "number" ? best.version : -1)))
      best = snap;
  }
  return best;
}

/** The release name helm-controller computes from the spec (no status needed). */
export function specReleaseName(hr: KubeObject): string {
  const explicit = str(hr.spec?.releaseName);
  const target = str(hr.spec?.targetNamespace);
  return shortenReleaseName(explicit ?? (target ? `${target}-${hr.metadata.name}` : hr.metadata.name));
}

/** The Helm release name: the newest history snapshot's name when present, else Flux's rule. */
export function fluxReleaseName(hr: KubeObject): string {
  return str(latestSnapshot(hr)?.name) ?? specReleaseName(hr);
}

/** The namespace of the Helm storage (the release Secrets). */
export function storageNamespaceOf(hr: KubeObject): string {
  return str(hr.status?.storageNamespace) ?? str(hr.spec?.storageNamespace) ?? hr.metadata.namespace ?? "default";
}

/** The namespace the chart's objects are installed in (`spec.targetNamespace`, else the HelmRelease's). */
export function releaseNamespaceOf(hr: KubeObject): string {
  return str(hr.spec?.targetNamespace) ?? hr.metadata.namespace ?? "default";
}

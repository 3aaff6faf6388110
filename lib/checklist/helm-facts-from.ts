// From lib/helm's masked release records to the checklist's HelmDeployedFacts. Pure: the server reads the records
// (`releaseRecords`) and calls `helmDeployedFacts` to fill `ChecklistSnapshot.helm`.

import type { KubeObject } from "../kinds/object";
import type { ReleaseRecords } from "../helm/collect-records";
import { ownedObjects } from "../helm/owned-objects";
import { pendingRelease } from "../helm/pending-release";
import type { HelmDeployedFacts } from "./helm-facts";

/**
 * What runs for `hr`: the newest deployed record (else the newest record, e.g. a failed first install), its masked
 * config, owned objects (manifest + hooks) and, when the HelmRelease asks for something Helm has not applied, why.
 * `records` undefined (not read) or with an `error` and no record gives `source: "unreadable"` with the reason.
 */
export function helmDeployedFacts(
  hr: KubeObject,
  records: ReleaseRecords | undefined,
  readError?: string,
): HelmDeployedFacts {
  if (!records) return { source: "unreadable", reason: readError ?? "the Helm release record was not read" };
  const record = records.current ?? records.latest;
  if (!record) {
    if (records.error) return { source: "unreadable", reason: records.error };
    return {
      source: "none",
      reason: `no Helm release record sh.helm.release.v1.${records.releaseName}.v* in namespace ${records.storageNamespace}`,
    };
  }
  const pending = pendingRelease(hr, records);
  return {
    source: "helm-record",
    revision: record.version,
    status: record.status,
    chartVersion: record.chart.version,
    appVersion: record.chart.appVersion,
    config: record.config,
    objects: ownedObjects(record).map((o) => ({
      kind: o.kind,
      name: o.name,
      namespace: o.namespace ?? "",
      ...(o.hook ? { hook: o.hook } : {}),
    })),
    ...(pending.pending ? { pending: { message: pending.reasons.join(" ") } } : {}),
  };
}

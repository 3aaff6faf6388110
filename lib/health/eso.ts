// Health of External Secrets Operator kinds. Pure module.
// Rule (DESIGN.md §3): the first Ready condition decides; no Ready condition → Progressing. ESO sets no
// observedGeneration, so there is no staleness rule.
import type { KubeObject } from "../kinds/object";
import { conditionOf } from "./getters";
import { deletionVerdict } from "./lifecycle";
import { arr, at, recs, str } from "./read";
import type { HealthContext, Verdict } from "./types";
import { verdict, withExtra } from "./verdict";

/** Kinds evaluated by {@link esoHealth}. */
export const ESO_KINDS = new Set(["ExternalSecret", "ClusterExternalSecret", "SecretStore", "ClusterSecretStore"]);

/**
 * Health of an ExternalSecret, ClusterExternalSecret, SecretStore or ClusterSecretStore.
 * - ExternalSecret Ready True with reason `SecretMissing` (creationPolicy Merge, target Secret absent: ESO writes
 *   nothing) → Degraded: anything reading the Secret fails.
 * - Ready True → Healthy, including SecretStore `ValidationUnknown` ("could not determine validation status",
 *   noted in `extra`).
 * - Ready False → Degraded with the condition's reason/message (SecretSyncedError, InvalidProviderConfig …).
 * - Ready Unknown or absent → Progressing.
 */
export function esoHealth(obj: KubeObject, ctx?: HealthContext): Verdict {
  const deleting = deletionVerdict(obj, ctx);
  if (deleting) return deleting;
  const ready = conditionOf(obj, "Ready");
  if (!ready) return verdict("Progressing", "WaitingForSync", waitingMessage(obj.kind));
  const reason =
    ready.reason || (ready.status === "True" ? "Ready" : ready.status === "False" ? "NotReady" : "Unknown");
  const message = ready.message || "";
  if (ready.status === "True" && reason === "SecretMissing" && obj.kind === "ExternalSecret") {
    // ESO's `markAsDone` reports Ready=True even though nothing was written: with creationPolicy Merge it never
    // creates the target, so every pod or chart that reads the Secret fails (DESIGN.md §3, DOMAIN.md §7.5).
    const target = targetName(obj);
    return verdict(
      "Degraded",
      reason,
      `target Secret ${target} does not exist and ESO will not create it (creationPolicy Merge): anything reading ${target} fails`,
    );
  }
  if (ready.status === "True") {
    let v = verdict("Healthy", reason, message);
    if (reason === "ValidationUnknown")
      v = withExtra(v, "store validation status unknown: the provider could not be checked");
    return esoExtras(obj, v);
  }
  if (ready.status === "False") return esoExtras(obj, verdict("Degraded", reason, message || "not ready"));
  return esoExtras(obj, verdict("Progressing", reason, message || "sync in progress"));
}

function targetName(es: KubeObject): string {
  return str(at(es.spec, "target", "name")) || es.metadata.name;
}

function waitingMessage(kind: string): string {
  return kind === "SecretStore" || kind === "ClusterSecretStore"
    ? "waiting for the store to be validated"
    : "waiting for the first sync";
}

function esoExtras(obj: KubeObject, v: Verdict): Verdict {
  if (obj.kind === "ExternalSecret" && v.status === "Degraded") {
    const last = str(obj.status?.refreshTime);
    return withExtra(v, last ? `last successful sync ${last}` : "never synced successfully");
  }
  if (obj.kind === "ClusterExternalSecret") {
    const failed = arr(obj.status?.failedNamespaces).length;
    const provisioned = arr(obj.status?.provisionedNamespaces).length;
    const lines: string[] = [];
    if (failed > 0) {
      const names = recs(obj.status?.failedNamespaces)
        .map((f) => str(f.namespace))
        .filter(Boolean)
        .join(", ");
      lines.push(`failed in ${failed} namespace${failed === 1 ? "" : "s"}${names ? `: ${names}` : ""}`);
    }
    if (provisioned > 0) lines.push(`provisioned in ${provisioned} namespace${provisioned === 1 ? "" : "s"}`);
    return withExtra(v, ...lines);
  }
  if ((obj.kind === "SecretStore" || obj.kind === "ClusterSecretStore") && v.status === "Healthy") {
    const caps = str(at(obj.status, "capabilities"));
    return caps && caps !== "ReadWrite" ? withExtra(v, `capabilities: ${caps}`) : v;
  }
  return v;
}

// Health of a core/v1 Secret: the health of the ExternalSecret that owns/syncs it. Pure module.
import type { KubeObject } from "../kinds/object";
import { esoHealth } from "./eso";
import { deletionVerdict } from "./lifecycle";
import type { HealthContext, Verdict } from "./types";
import { verdict, withExtra } from "./verdict";

/** ESO's label on the Secrets it manages. */
export const ESO_MANAGED_LABEL = "reconcile.external-secrets.io/managed";

/**
 * Secret verdict. When `ctx.ownerOf(secret)` returns an ExternalSecret, the Secret takes that ExternalSecret's
 * status/reason, with a message naming it ("ExternalSecret airflow/airflow-metadata: could not get secret data from
 * provider"); a failing sync leaves the last synced data in place, said in `extra`. Plain Secrets are Healthy
 * "present" (kstatus: always Current).
 */
export function secretHealth(secret: KubeObject, ctx?: HealthContext): Verdict {
  const deleting = deletionVerdict(secret, ctx);
  if (deleting) return deleting;
  const owner = ctx?.ownerOf?.(secret);
  if (!owner) {
    const managed = secret.metadata.labels?.[ESO_MANAGED_LABEL] === "true";
    const v = verdict("Healthy", "Present", "present");
    return managed ? withExtra(v, "labelled as managed by External Secrets, but no ExternalSecret found for it") : v;
  }
  const es = esoHealth(owner, ctx);
  const who = `ExternalSecret ${owner.metadata.namespace ?? ""}/${owner.metadata.name}`;
  if (es.status === "Healthy") {
    return verdict("Healthy", es.reason, `synced by ${who}`, { extra: es.extra });
  }
  const v = verdict(es.status, es.reason, `${who}: ${es.message}`);
  return es.status === "Degraded" ? withExtra(v, "the Secret still holds the last synced data") : v;
}

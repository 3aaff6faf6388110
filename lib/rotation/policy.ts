// Rotation policies from the checklist's attestations: every Airflow HelmRelease names its Secrets by role in its
// values (chart defaults when unset); the latest unexpired attestation of `secrets.rotation.<role>` for that
// release says how often the Secret must be rotated. Names come from the release facts (Helm's record, else the
// HelmRelease's values with valuesFrom resolved) and the chart's naming rules per chart version.
import "server-only";
import { listAttestations } from "@/lib/checklist-service/store/attestations";
import { keyOf } from "@/lib/checklist-service/subjects";
import { at, str } from "@/lib/health/read";
import type { KubeObject } from "@/lib/kinds/object";
import type { ReleaseNaming } from "./airflow";
import type { PolicyFact } from "./inventory-view";

/** Checklist rotation item → the Secret the pods read, per release (undefined when the chart version does not use it). */
const ROLES: { check: string; name: (r: ReleaseNaming) => string | undefined }[] = [
  { check: "secrets.rotation.metadata", name: (r) => r.names.metadataSecret },
  { check: "secrets.rotation.fernet", name: (r) => r.names.fernetKeySecret },
  { check: "secrets.rotation.webserver", name: (r) => r.names.webserverSecretKeySecret },
  { check: "secrets.rotation.api", name: (r) => r.names.apiSecretKeySecret },
  { check: "secrets.rotation.jwt", name: (r) => r.names.jwtSecretReferenced ?? r.names.jwtSecret },
  { check: "secrets.rotation.git-ssh", name: (r) => str(at(r.values, "dags", "gitSync", "sshKeySecret")) ?? r.names.sshSecret },
];

export interface SecretRoleRef {
  release: KubeObject;
  check: string;
  metadata: boolean;
}

/** Secret name → the Airflow release and checklist item that cover it, for one namespace. */
/** `releases`: the cluster's Airflow releases (airflowReleasesFacts), computed once by the caller. */
export function secretRoles(releases: ReleaseNaming[], namespace: string): Map<string, SecretRoleRef> {
  const out = new Map<string, SecretRoleRef>();
  for (const r of releases) {
    if (r.namespace !== namespace) continue;
    for (const role of ROLES) {
      const name = role.name(r);
      if (name && !out.has(name)) out.set(name, { release: r.hr, check: role.check, metadata: role.check === "secrets.rotation.metadata" });
    }
  }
  return out;
}

/** The attested policy of each covered Secret (only Secrets whose item has an unexpired attestation). */
export async function attestedPolicies(cluster: string, roles: Map<string, SecretRoleRef>, now: Date): Promise<Map<string, PolicyFact>> {
  const byRelease = new Map<string, Awaited<ReturnType<typeof listAttestations>>>();
  const out = new Map<string, PolicyFact>();
  for (const [secret, ref] of roles) {
    const key = keyOf(cluster, ref.release);
    const id = `${key.namespace}/${key.release}`;
    if (!byRelease.has(id)) byRelease.set(id, await listAttestations(key));
    const found = (byRelease.get(id) ?? []).find((a) => a.checkId === ref.check && Date.parse(a.expiresAt) > now.getTime() && typeof a.fields.policy === "string");
    if (found) out.set(secret, { policy: found.fields.policy, checkId: ref.check, release: `${key.namespace}/${key.release}`, attestedBy: found.attestedBy, expiresAt: found.expiresAt });
  }
  return out;
}

// Rotation policies from the checklist's attestations: every Airflow HelmRelease names its Secrets by role in its
// values (chart defaults when unset); the latest unexpired attestation of `secrets.rotation.<role>` for that
// release says how often the Secret must be rotated. Reads spec.values only (valuesFrom is not resolved here).
import "server-only";
import { helmReleaseName, workloadNamespace } from "@/lib/checklist";
import { listAttestations } from "@/lib/checklist-service/store/attestations";
import { keyOf } from "@/lib/checklist-service/subjects";
import { at, isRec, str } from "@/lib/health/read";
import type { KubeObject } from "@/lib/kinds/object";
import type { PolicyFact } from "./inventory-view";

/** Values path → chart default name suffix → checklist rotation item. */
const ROLES: { path: string; suffix: string | null; check: string }[] = [
  { path: "data.metadataSecretName", suffix: "metadata", check: "secrets.rotation.metadata" },
  { path: "fernetKeySecretName", suffix: "fernet-key", check: "secrets.rotation.fernet" },
  { path: "webserverSecretKeySecretName", suffix: "webserver-secret-key", check: "secrets.rotation.webserver" },
  { path: "apiSecretKeySecretName", suffix: "api-secret-key", check: "secrets.rotation.api" },
  { path: "jwtSecretName", suffix: "jwt-secret", check: "secrets.rotation.jwt" },
  { path: "dags.gitSync.sshKeySecret", suffix: null, check: "secrets.rotation.git-ssh" },
];

export interface SecretRoleRef {
  release: KubeObject;
  check: string;
  metadata: boolean;
}

/** Secret name → the Airflow release and checklist item that cover it, for one namespace. */
/** `subjects`: the cluster's Airflow HelmReleases (discoverSubjects), computed once by the caller. */
export function secretRoles(subjects: KubeObject[], namespace: string): Map<string, SecretRoleRef> {
  const out = new Map<string, SecretRoleRef>();
  for (const hr of subjects) {
    if (workloadNamespace(hr) !== namespace) continue;
    const values = isRec(hr.spec?.values) ? hr.spec.values : {};
    for (const role of ROLES) {
      const name = str(at(values, ...role.path.split("."))) ?? (role.suffix ? `${helmReleaseName(hr)}-${role.suffix}` : undefined);
      if (name && !out.has(name)) out.set(name, { release: hr, check: role.check, metadata: role.check === "secrets.rotation.metadata" });
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

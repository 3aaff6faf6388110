// GET /api/v1/clusters/{cluster}/secrets: every Secret the user may list (their RBAC, per namespace), from the
// watch cache — type and key NAMES only, never a value — with manager, consumers, last rotation, attested policy,
// overdue flag and whether the user may rotate it.
import "server-only";
import type { Principal } from "@/lib/auth/principal";
import { roleAtLeast } from "@/lib/auth/roles";
import { airflowReleasesFacts } from "@/lib/airflow-release/release-facts";
import { discoverSubjects } from "@/lib/checklist-service/subjects";
import { env } from "@/lib/config/env";
import { AppError } from "@/lib/http/errors";
import { allowedNamespaces, can } from "@/lib/k8s/access";
import { clusterCache } from "@/lib/k8s/cache/registry";
import type { KubeObject } from "@/lib/kinds/object";
import { resourceInfo } from "@/lib/kinds/registry";
import { inventoryItem, notRotatable, type SecretInventoryItem } from "./inventory-view";
import { isTerminalRotation } from "./kinds";
import { derivedSecrets } from "./derived-secrets";
import { attestedPolicies, secretRoles } from "./policy";
import { listRotations } from "./store";
import { consumersOf, managerOf } from "./target";

export interface SecretInventory {
  cluster: string;
  namespaces: string[];
  items: SecretInventoryItem[];
}

function keysOf(secret: KubeObject): string[] {
  return Array.isArray(secret.dataKeys) ? secret.dataKeys.filter((k): k is string => typeof k === "string") : [];
}

async function rotateDecision(cluster: string, user: Principal, secret: KubeObject, blocked: string | undefined, nsUpdate: boolean): Promise<{ allowed: boolean; reason?: string }> {
  if (blocked) return { allowed: false, reason: `Not rotatable: ${blocked}` };
  if (!roleAtLeast(user.role, "admin")) return { allowed: false, reason: `Rotation needs the admin role; you are ${user.role}` };
  if (env().FLUXTOWER_READ_ONLY) return { allowed: false, reason: "Fluxtower is in read-only mode" };
  const ns = secret.metadata.namespace ?? "";
  const ok = nsUpdate || (await can(cluster, user, { verb: "update", group: "", resource: "secrets", namespace: ns, name: secret.metadata.name }));
  return ok ? { allowed: true } : { allowed: false, reason: `Your Kubernetes RBAC does not allow "update" on this Secret in namespace ${ns}` };
}

export async function secretInventory(cluster: string, user: Principal, namespace?: string): Promise<SecretInventory> {
  const cache = clusterCache(cluster);
  if (!cache) throw new AppError("not_found", `Unknown cluster "${cluster}"`);
  const info = resourceInfo("secrets");
  if (!info) throw new Error("secrets are not a registered resource");
  const all = cache.list("secrets");
  const namespaces = [...new Set(all.map((s) => s.metadata.namespace ?? ""))].sort();
  const allowed = await allowedNamespaces(cluster, user, info, namespaces, "list");
  const visibleNs = namespaces.filter((ns) => (allowed === "all" || allowed.has(ns)) && (!namespace || ns === namespace));
  const lookups = { externalSecrets: cache.list("externalsecrets"), secretStores: cache.list("secretstores"), clusterSecretStores: cache.list("clustersecretstores") };
  const rotations = await listRotations({ cluster, namespace, limit: 500 });
  const now = new Date();
  const items: SecretInventoryItem[] = [];
  const inVisible = discoverSubjects(cache).filter((hr) => visibleNs.includes(String(hr.spec?.targetNamespace ?? hr.metadata.namespace)));
  const releases = await airflowReleasesFacts(cluster, cache, inVisible);
  for (const ns of visibleNs) {
    const roles = secretRoles(releases, ns);
    const derived = derivedSecrets(releases, ns);
    const policies = await attestedPolicies(cluster, roles, now);
    const nsUpdate = roleAtLeast(user.role, "admin") && (await can(cluster, user, { verb: "update", group: "", resource: "secrets", namespace: ns }));
    for (const secret of all.filter((s) => s.metadata.namespace === ns)) {
      const name = secret.metadata.name;
      const keys = keysOf(secret);
      const manager = managerOf(secret, lookups);
      const es = manager.type === "external-secret" ? cache.get("externalsecrets", ns, manager.externalSecret) : undefined;
      const mine = rotations.filter((r) => r.rotation.namespace === ns && r.rotation.secret === name);
      const latest = mine.find((r) => r.rotation.state === "succeeded");
      const active = mine.find((r) => !isTerminalRotation(r.rotation.state));
      const labels = secret.metadata.labels ?? {};
      const type = typeof secret.type === "string" ? secret.type : "Opaque";
      const blocked = notRotatable({ type, manager, labels, keys }) ?? derived.get(name);
      items.push(
        inventoryItem({
          namespace: ns,
          name,
          type,
          keys,
          createdAt: secret.metadata.creationTimestamp,
          annotations: secret.metadata.annotations ?? {},
          labels,
          manager,
          managerAnnotations: es?.metadata.annotations ?? {},
          consumers: consumersOf({ namespace: ns, name }, (r) => cache.list(r)),
          isMetadata: roles.get(name)?.metadata === true,
          latestRotation: latest ? { id: latest.rotation.id, at: (latest.rotation.finishedAt ?? latest.rotation.updatedAt).toISOString(), by: latest.rotation.createdBy } : null,
          activeRotation: active ? { id: active.rotation.id, state: active.rotation.state } : null,
          policy: policies.get(name) ?? null,
          rotate: await rotateDecision(cluster, user, secret, blocked, nsUpdate),
          now: now.getTime(),
        }),
      );
    }
  }
  items.sort((a, b) => `${a.namespace}/${a.name}`.localeCompare(`${b.namespace}/${b.name}`));
  return { cluster, namespaces: visibleNs, items };
}

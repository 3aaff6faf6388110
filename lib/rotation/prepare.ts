// Planning a rotation before anything is written: the Secret (visible to the user), the key, who manages it and how
// the new value gets there (patch, or upstream through the store's adapter), the consumers to restart, the
// kind-specific facts (prepare-kinds.ts) and the user's Kubernetes permissions. Refusals are AppErrors that say why.
import "server-only";
import { refusalFor } from "@/lib/actions/preconditions";
import type { Principal } from "@/lib/auth/principal";
import { AppError } from "@/lib/http/errors";
import { can } from "@/lib/k8s/access";
import type { ClusterCache } from "@/lib/k8s/cache/cluster-cache";
import type { KubeObject } from "@/lib/kinds/object";
import { airflowReleasesFacts } from "@/lib/airflow-release/release-facts";
import { discoverSubjects } from "@/lib/checklist-service/subjects";
import { missingPermissions, neededPermissions } from "./access";
import { derivedSecrets } from "./derived-secrets";
import { remoteFieldFor } from "./eso-remote";
import { forwardSteps } from "./flows";
import { KINDS, type RotationKind } from "./kinds";
import { kindFacts } from "./prepare-kinds";
import type { StartRotationBody } from "./schemas";
import { consumersOf, describeManager, managerOf, type Manager } from "./target";
import type { RotationOptions, RotationPlan, WritePath } from "./types";
import { capabilitiesOf, chooseAdapter } from "./upstream";

export interface PreparedRotation {
  secret: KubeObject;
  key: string;
  plan: RotationPlan;
  steps: string[];
  options: RotationOptions;
}

const DEFAULT_GRACE_HOURS = 72;
const DEFAULT_TIMEOUT_MINUTES = 10;

function keysOf(secret: KubeObject): string[] {
  return Array.isArray(secret.dataKeys) ? secret.dataKeys.filter((k): k is string => typeof k === "string") : [];
}

function chooseKey(kind: RotationKind, secret: KubeObject, requested: string | undefined): string {
  const fixed = KINDS[kind].key;
  const keys = keysOf(secret);
  if (fixed && requested && requested !== fixed) throw new AppError("bad_request", `${KINDS[kind].label} rotates key "${fixed}", not "${requested}"`);
  const key = fixed ?? requested ?? (keys.length === 1 ? keys[0] : undefined);
  if (!key) throw new AppError("bad_request", `Secret ${secret.metadata.name} has ${keys.length} keys (${keys.join(", ")}): say which one to rotate`);
  if (!keys.includes(key)) throw new AppError("bad_request", `Secret ${secret.metadata.name} has no key "${key}" (keys: ${keys.join(", ") || "none"})`);
  return key;
}

function refuseManager(m: Manager): void {
  if (m.type === "fluxtower") throw new AppError("bad_request", `This Secret is a ${describeManager(m)}; rotate ${m.of} instead`);
  if (m.type === "kustomization") {
    throw new AppError("conflict", `The Secret is applied by ${describeManager(m)} from Git: a change in the cluster would be reverted at the next reconcile. Rotate it in the source (e.g. re-encrypt with SOPS) or move it to External Secrets.`);
  }
}

function writePath(cache: ClusterCache, kind: RotationKind, key: string, m: Manager): WritePath {
  if (m.type !== "external-secret") return { type: "direct" };
  const es = cache.get("externalsecrets", m.namespace, m.externalSecret);
  if (!es || !m.store) throw new AppError("conflict", `The Secret is labelled as managed by External Secrets, but its ExternalSecret or store is unknown; Fluxtower never patches an ESO-managed Secret`);
  const refusal = refusalFor("force-sync", es);
  if (refusal) throw new AppError("conflict", refusal.message);
  const remote = remoteFieldFor(es, key, { urlPassword: kind === "airflow-metadata-password" });
  if (!remote.ok) throw new AppError("conflict", `ExternalSecret ${m.externalSecret}: ${remote.reason}`);
  const storeObj = m.store.kind === "ClusterSecretStore" ? cache.get("clustersecretstores", undefined, m.store.name) : cache.get("secretstores", m.namespace, m.store.name);
  const providerType = m.providerType ?? "unknown";
  const adapter = chooseAdapter(capabilitiesOf(storeObj?.status));
  return { type: "upstream", externalSecret: m.externalSecret, store: m.store, providerType, remote: remote.field, adapter };
}

function managerWarnings(m: Manager): string[] {
  if (m.type === "helm") return [`The Secret is rendered by ${describeManager(m)}: a later upgrade may overwrite the new value unless the chart keeps it (pre-install hook Secrets are kept).`];
  if (m.type === "manual") return ["The Secret was created by hand: the new value lives only in the cluster (and the backup Secret until its grace period ends)."];
  return [];
}

export async function prepareRotation(cluster: string, cache: ClusterCache, user: Principal, body: StartRotationBody): Promise<PreparedRotation> {
  const visible = await can(cluster, user, { verb: "get", group: "", resource: "secrets", namespace: body.namespace, name: body.secret });
  const secret = visible ? cache.get("secrets", body.namespace, body.secret) : undefined;
  if (!secret) throw new AppError("not_found", "Not found (or not visible to you)");
  const inNs = discoverSubjects(cache).filter((hr) => String(hr.spec?.targetNamespace ?? hr.metadata.namespace) === body.namespace);
  const releases = await airflowReleasesFacts(cluster, cache, inNs);
  const derived = derivedSecrets(releases, body.namespace).get(body.secret);
  if (derived) throw new AppError("conflict", `Secret ${body.namespace}/${body.secret} is not rotated on its own: ${derived}`);
  if (secret.type === "helm.sh/release.v1" || secret.type === "kubernetes.io/service-account-token") throw new AppError("bad_request", `Secrets of type ${String(secret.type)} are not rotated by Fluxtower`);
  const key = chooseKey(body.kind, secret, body.key);
  const manager = managerOf(secret, { externalSecrets: cache.list("externalsecrets"), secretStores: cache.list("secretstores"), clusterSecretStores: cache.list("clustersecretstores") });
  refuseManager(manager);
  const write = writePath(cache, body.kind, key, manager);
  const uploaded = body.options?.value !== undefined;
  if (uploaded && !KINDS[body.kind].uploadable) throw new AppError("bad_request", `${KINDS[body.kind].label}: the value is always generated by Fluxtower`);
  if (write.type === "upstream" && write.adapter === "manual" && !uploaded && body.kind !== "git-ssh-key") {
    throw new AppError("bad_request", `${write.store.kind} ${write.store.name} (${write.providerType}) is not writable through a PushSecret (its status.capabilities is not ReadWrite or WriteOnly) and Fluxtower never shows a generated value: upload the new value (options.value); you will be asked to put the same value into the vault.`);
  }
  const consumers = consumersOf({ namespace: body.namespace, name: body.secret }, (r) => cache.list(r));
  for (const c of consumers.filter((x) => x.restartable)) {
    const obj = cache.get(c.resource, c.namespace, c.name);
    const refusal = obj ? refusalFor("restart", obj) : undefined;
    if (refusal) throw new AppError("conflict", `Consumer ${c.kind} ${c.name} cannot be restarted: ${refusal.message}`);
  }
  const facts = await kindFacts({ cluster, cache, user, releases, kind: body.kind, secret, key, write, consumers, uploadedValue: body.options?.value });
  const warnings = [...KINDS[body.kind].warnings, ...managerWarnings(manager), ...facts.warnings];
  if (!consumers.some((c) => c.restartable)) warnings.push("No Deployment or StatefulSet reads this Secret: nothing is restarted.");
  for (const c of consumers.filter((x) => !x.restartable)) warnings.push(`${c.kind} ${c.name} reads the Secret and picks the new value up on its next run.`);
  const plan: RotationPlan = { manager, write, consumers, warnings, ...facts.plan };
  const jobs = body.kind === "airflow-fernet" || body.kind === "airflow-metadata-password";
  const missing = await missingPermissions(cluster, user, body.namespace, [...neededPermissions({ secret: body.secret, eso: write.type === "upstream" ? write.externalSecret : null, pushSecrets: write.type === "upstream" && write.adapter === "push-secret", consumers, jobs }), ...(facts.permissions ?? [])]);
  if (missing.length) throw new AppError("forbidden", `Your Kubernetes RBAC does not allow everything this rotation does in namespace ${body.namespace}: ${missing.join("; ")}`);
  const options: RotationOptions = {
    ...(body.options?.length ? { length: body.options.length } : {}),
    ...(body.options?.charset ? { charset: body.options.charset } : {}),
    ...(uploaded ? { uploaded: true } : {}),
    backupGraceHours: body.options?.backupGraceHours ?? DEFAULT_GRACE_HOURS,
    timeoutMinutes: body.options?.timeoutMinutes ?? DEFAULT_TIMEOUT_MINUTES,
  };
  return { secret, key, plan, steps: forwardSteps(body.kind, plan), options };
}

// The PgBouncer part of a metadata-password plan (DOMAIN.md §4.3): which Deployment runs PgBouncer, which Secrets
// carry the password besides the connection URL (the config Secret's users.txt, the stats Secret's connection) and
// how each gets the new one. A Secret managed by an ExternalSecret is never patched: it must be templated from the
// same vault item and field as the metadata connection, so the one upstream write reaches it with a force-sync.
// Refusals say what to change. Pure: the caller passes the cached objects.
import { refusalFor } from "@/lib/actions/preconditions";
import { at, isRec, recs, str } from "@/lib/health/read";
import type { KubeObject } from "@/lib/kinds/object";
import type { Need } from "./access";
import type { ReleaseNaming } from "./airflow";
import { storeRefOf } from "./eso-remote";
import { describeManager, managerOf, type TargetLookups } from "./target";
import type { PgBouncerPlan, PgBouncerSecretPlan, WritePath } from "./types";

export interface PgBouncerInput {
  release: ReleaseNaming;
  /** Namespace of the metadata Secret (the release's target namespace). */
  namespace: string;
  role: string;
  metadataWrite: WritePath;
  deployments: KubeObject[];
  secrets: KubeObject[];
  lookups: TargetLookups;
}

export type PgBouncerFacts = { ok: true; plan: PgBouncerPlan; permissions: Need[] } | { ok: false; message: string };

/** The chart's PgBouncer Deployment: the name the chart renders (`<fullname>-pgbouncer`), else labels tier=airflow, component=pgbouncer, release=<release>. */
export function pgbouncerDeploymentOf(deployments: KubeObject[], release: ReleaseNaming): KubeObject | undefined {
  const inNs = deployments.filter((d) => d.metadata.namespace === release.namespace);
  const named = release.names.workloads.pgbouncer?.name;
  return (
    (named ? inNs.find((d) => d.metadata.name === named) : undefined) ??
    inNs.find((d) => {
      const l = d.metadata.labels ?? {};
      return l.tier === "airflow" && l.component === "pgbouncer" && l.release === release.releaseName;
    })
  );
}

const VAR = /\{\{-?\s*(?:\.([A-Za-z0-9_]+)|index\s+\.\s+"([^"]+)")[^}]*\}\}/;
/** `"<user>" "{{ .password }}"`: the variable in the password field of a users.txt line. */
const USERS_TXT_PASSWORD = new RegExp(`"[^"\\n]*"\\s+"(${VAR.source})"`, "g");
/** `…://<user>:{{ .password | urlquery }}@…`: the variable in the password part of a URL. */
const URL_PASSWORD = new RegExp(`:(${VAR.source})@`, "g");

/** The vault item and field behind template variable `name` (spec.data by secretKey, else a single dataFrom extract). */
function sourceOf(es: KubeObject, name: string): { item: string; property?: string; version?: string } | undefined {
  for (const d of recs(es.spec?.data)) {
    if (str(d.secretKey) !== name) continue;
    const ref = isRec(d.remoteRef) ? d.remoteRef : {};
    const item = str(ref.key);
    return item ? { item, property: str(ref.property), version: str(ref.version) } : undefined;
  }
  const from = recs(es.spec?.dataFrom);
  if (from.length === 1 && isRec(from[0]?.extract)) {
    const item = str(at(from[0], "extract", "key"));
    return item ? { item, property: name, version: str(at(from[0], "extract", "version")) } : undefined;
  }
  return undefined;
}

function passwordVars(template: string, pattern: RegExp): string[] {
  return [...template.matchAll(pattern)].map((m) => m[2] ?? m[3] ?? "").filter(Boolean);
}

/** Why the ExternalSecret does not deliver the metadata password into `key`, or undefined when it does. */
export function templatedFromSameItem(es: KubeObject, key: string, metadataWrite: WritePath): string | undefined {
  if (metadataWrite.type !== "upstream") return "the metadata Secret is not managed by External Secrets, so Fluxtower has no vault item to write the password to";
  const want = metadataWrite.remote;
  const where = `${want.item}${want.property ? `/${want.property}` : ""}`;
  const store = storeRefOf(es);
  if (!store || store.kind !== metadataWrite.store.kind || store.name !== metadataWrite.store.name) {
    return `it reads ${store ? `${store.kind} ${store.name}` : "no store"}, not ${metadataWrite.store.kind} ${metadataWrite.store.name} like the metadata ExternalSecret`;
  }
  const template = at(es.spec, "target", "template", "data");
  const text = isRec(template) ? str(template[key]) : undefined;
  const shape = key === "users.txt" ? `"<user>" "{{ .${want.property ?? "password"} }}"` : `postgresql://<user>:{{ .${want.property ?? "password"} | urlquery }}@127.0.0.1:6543/pgbouncer?sslmode=disable`;
  if (text === undefined) return `"${key}" is not templated; template it from ${where} (${shape})`;
  const vars = passwordVars(text, key === "users.txt" ? USERS_TXT_PASSWORD : URL_PASSWORD);
  if (vars.length === 0) return `the template of "${key}" has no {{ … }} variable as the password; template it from ${where} (${shape})`;
  for (const v of vars) {
    const src = sourceOf(es, v);
    if (!src) return `Fluxtower cannot tell which vault field the template variable "${v}" of "${key}" comes from; template it from ${where}`;
    if (src.version) return `"${v}" pins a version of ${src.item}: a new password would never be synced`;
    if (src.item !== want.item || src.property !== want.property) {
      return `the password in "${key}" comes from ${src.item}${src.property ? `/${src.property}` : ""}, not from ${where} like the metadata connection; template it from ${where} (${shape})`;
    }
  }
  return undefined;
}

function secretPlan(input: PgBouncerInput, name: string, key: string, what: string): PgBouncerSecretPlan | string {
  const secret = input.secrets.find((s) => s.metadata.namespace === input.namespace && s.metadata.name === name);
  if (!secret) return `the PgBouncer ${what} Secret ${input.namespace}/${name} does not exist`;
  const m = managerOf(secret, input.lookups);
  if (m.type === "kustomization") {
    return `the PgBouncer ${what} Secret ${name} is applied by ${describeManager(m)} from Git: a change in the cluster would be reverted at the next reconcile. Change it in the source (or move it to External Secrets templated from the metadata vault item).`;
  }
  if (m.type === "fluxtower") return `the PgBouncer ${what} Secret ${name} is a ${describeManager(m)}`;
  if (m.type !== "external-secret") return { name, key, write: { type: "direct" } };
  const es = input.lookups.externalSecrets.find((e) => e.metadata.namespace === input.namespace && e.metadata.name === m.externalSecret);
  if (!es) return `the PgBouncer ${what} Secret ${name} is managed by External Secrets, but its ExternalSecret is unknown; Fluxtower never patches an ESO-managed Secret`;
  const refusal = refusalFor("force-sync", es);
  if (refusal) return refusal.message;
  const why = templatedFromSameItem(es, key, input.metadataWrite);
  if (why) return `ExternalSecret ${m.externalSecret} (PgBouncer ${what} Secret ${name}): ${why}. Fluxtower never patches an ESO-managed Secret.`;
  return { name, key, write: { type: "external-secret", externalSecret: m.externalSecret } };
}

const readsSecret = (d: KubeObject, name: string) => JSON.stringify(at(d.spec, "template", "spec") ?? {}).includes(`"${name}"`);

function needs(p: PgBouncerSecretPlan): Need[] {
  return p.write.type === "direct"
    ? [{ verb: "patch", group: "", resource: "secrets", name: p.name, why: `write the new password into Secret ${p.name}` }]
    : [{ verb: "patch", group: "external-secrets.io", resource: "externalsecrets", name: p.write.externalSecret, why: `force-sync ExternalSecret ${p.write.externalSecret}` }];
}

/** The PgBouncer config and stats Secret names of a release (the chart's names unless the values set others). */
export function pgbouncerSecretNames(release: ReleaseNaming): { config: string; stats: string } {
  return { config: release.names.pgbouncerConfigSecret, stats: release.names.pgbouncerStatsSecret };
}

export function pgbouncerFacts(input: PgBouncerInput): PgBouncerFacts {
  const release = input.release.releaseName;
  const workload = pgbouncerDeploymentOf(input.deployments, input.release);
  const expected = input.release.names.workloads.pgbouncer?.name ?? `labels tier=airflow, component=pgbouncer, release=${release}`;
  if (!workload) return { ok: false, message: `HelmRelease ${input.release.hr.metadata.name} enables PgBouncer, but no PgBouncer Deployment (${expected}) exists in ${input.namespace}` };
  const { config: configName, stats: statsName } = pgbouncerSecretNames(input.release);
  const config = secretPlan(input, configName, "users.txt", "config");
  if (typeof config === "string") return { ok: false, message: config };
  const statsUsed = readsSecret(workload, statsName) || input.secrets.some((s) => s.metadata.namespace === input.namespace && s.metadata.name === statsName);
  const stats = statsUsed ? secretPlan(input, statsName, "connection", "stats") : null;
  if (typeof stats === "string") return { ok: false, message: stats };
  const permissions: Need[] = [
    ...needs(config),
    ...(stats ? needs(stats) : []),
    { verb: "patch", group: "apps", resource: "deployments", name: workload.metadata.name, why: `restart PgBouncer (Deployment ${workload.metadata.name})` },
  ];
  return { ok: true, plan: { workload: workload.metadata.name, config, stats }, permissions };
}

import { describe, expect, it } from "vitest";
import type { KubeObject } from "@/lib/kinds/object";
import { chartNames } from "@/lib/airflow-chart/naming";
import { metadataReleaseOf, type ReleaseNaming } from "./airflow";
import { forwardSteps } from "./flows";
import { pgbouncerFacts, type PgBouncerInput } from "./pgbouncer-plan";
import type { WritePath } from "./types";

const NS = "analytics";
const obj = (kind: string, name: string, rest: Partial<KubeObject> = {}, labels: Record<string, string> = {}): KubeObject =>
  ({ apiVersion: "v1", kind, ...rest, metadata: { name, namespace: NS, labels, ...(rest.metadata ?? {}) } }) as KubeObject;

/** A release as rotation sees it: names from the chart's rules for chart 1.18.0 (no Helm record in these cases). */
const naming = (hr: KubeObject, chartVersion = "1.18.0"): ReleaseNaming => {
  const values = (hr.spec?.values ?? {}) as Record<string, unknown>;
  return { hr, releaseName: hr.metadata.name, namespace: NS, values, names: chartNames({ release: hr.metadata.name, namespace: NS, chartVersion, values }) };
};
const release = (values: Record<string, unknown>, name = "analytics-airflow") =>
  naming(obj("HelmRelease", name, { spec: { chart: { spec: { chart: "airflow" } }, values: { pgbouncer: { enabled: true }, ...values } } }));
const pgbDeployment = (secretRefs: string[] = ["analytics-airflow-pgbouncer-stats"]) =>
  obj("Deployment", "analytics-airflow-pgbouncer", { spec: { template: { spec: { containers: [{ name: "metrics-exporter", env: secretRefs.map((s) => ({ name: "DATABASE_URL", valueFrom: { secretKeyRef: { name: s, key: "connection" } } })) }] } } } }, { tier: "airflow", component: "pgbouncer", release: "analytics-airflow" });
const helmSecret = (name: string) => obj("Secret", name, {}, { "app.kubernetes.io/managed-by": "Helm", release: "analytics-airflow" });
const esoSecret = (name: string) => obj("Secret", name, {}, { "reconcile.external-secrets.io/managed": "true" });
const store = { kind: "ClusterSecretStore" as const, name: "onepassword" };
const es = (name: string, template: Record<string, string>, source: Record<string, unknown> = { dataFrom: [{ extract: { key: "analytics-airflow-postgresql" } }] }, storeName = "onepassword") =>
  obj("ExternalSecret", name, { spec: { refreshInterval: "1h", secretStoreRef: { kind: "ClusterSecretStore", name: storeName }, target: { name, template: { data: template } }, ...source } });

const upstream: WritePath = { type: "upstream", externalSecret: "analytics-airflow-metadata", store, providerType: "onepassword", remote: { item: "analytics-airflow-postgresql", property: "password", via: "extract", transform: "url-password" }, adapter: "manual" };
const USERS = { "users.txt": '"{{ .username }}" "{{ .password }}"\n', "pgbouncer.ini": "[databases]\n" };
const STATS = { connection: "postgresql://{{ .username }}:{{ .password | urlquery }}@127.0.0.1:6543/pgbouncer?sslmode=disable" };

function input(over: Partial<PgBouncerInput> & { externalSecrets?: KubeObject[] } = {}): PgBouncerInput {
  return {
    release: release({}),
    namespace: NS,
    role: "analytics",
    metadataWrite: { type: "direct" },
    deployments: [pgbDeployment()],
    secrets: [helmSecret("analytics-airflow-pgbouncer-config"), helmSecret("analytics-airflow-pgbouncer-stats")],
    lookups: { externalSecrets: over.externalSecrets ?? [], secretStores: [], clusterSecretStores: [] },
    ...over,
  };
}

const esoInput = (config: KubeObject, stats: KubeObject) =>
  input({
    release: release({ data: { metadataSecretName: "analytics-airflow-metadata" }, pgbouncer: { enabled: true, configSecretName: "pgb-config", metricsExporterSidecar: { statsSecretName: "pgb-stats" } } }),
    metadataWrite: upstream,
    deployments: [pgbDeployment(["pgb-stats"])],
    secrets: [esoSecret("pgb-config"), esoSecret("pgb-stats")],
    externalSecrets: [config, stats],
  });

describe("pgbouncerFacts", () => {
  it("chart-rendered Secrets: patched directly, with the Deployment found by the chart's labels", () => {
    const f = pgbouncerFacts(input());
    expect(f).toMatchObject({
      ok: true,
      plan: {
        workload: "analytics-airflow-pgbouncer",
        config: { name: "analytics-airflow-pgbouncer-config", key: "users.txt", write: { type: "direct" } },
        stats: { name: "analytics-airflow-pgbouncer-stats", key: "connection", write: { type: "direct" } },
      },
    });
    if (f.ok) expect(f.permissions.map((p) => `${p.verb} ${p.resource} ${p.name ?? ""}`)).toEqual(["patch secrets analytics-airflow-pgbouncer-config", "patch secrets analytics-airflow-pgbouncer-stats", "patch deployments analytics-airflow-pgbouncer"]);
  });

  it("ESO-managed Secrets templated from the metadata item: force-synced, never patched", () => {
    const f = pgbouncerFacts(esoInput(es("pgb-config", USERS), es("pgb-stats", STATS)));
    expect(f).toMatchObject({ ok: true, plan: { config: { name: "pgb-config", write: { type: "external-secret", externalSecret: "pgb-config" } }, stats: { name: "pgb-stats", write: { type: "external-secret", externalSecret: "pgb-stats" } } } });
    if (f.ok) expect(f.permissions.filter((p) => p.resource === "externalsecrets").map((p) => p.name)).toEqual(["pgb-config", "pgb-stats"]);
    if (f.ok) expect(forwardSteps("airflow-metadata-password", { write: upstream, consumers: [], pgbouncer: f.plan })).toEqual(["backup", "stage", "alter-role", "write", "sync", "sync-pgbouncer", "restart-pgbouncer", "verify-pgbouncer", "finish"]);
  });

  it("spec.data entries naming the same item and field count as the same source", () => {
    const data = { data: [{ secretKey: "pw", remoteRef: { key: "analytics-airflow-postgresql", property: "password" } }, { secretKey: "user", remoteRef: { key: "analytics-airflow-postgresql", property: "username" } }] };
    const f = pgbouncerFacts(esoInput(es("pgb-config", { "users.txt": '"{{ .user }}" "{{ .pw }}"' }, data), es("pgb-stats", { connection: "postgresql://{{ .user }}:{{ .pw | urlquery }}@127.0.0.1:6543/pgbouncer" }, data)));
    expect(f.ok).toBe(true);
  });

  it.each([
    { name: "another vault item", config: es("pgb-config", USERS, { dataFrom: [{ extract: { key: "pgbouncer-users" } }] }), why: /comes from pgbouncer-users\/password, not from analytics-airflow-postgresql\/password/ },
    { name: "another field of the same item", config: es("pgb-config", { "users.txt": '"{{ .username }}" "{{ .pgbouncer_password }}"' }), why: /analytics-airflow-postgresql\/pgbouncer_password, not from analytics-airflow-postgresql\/password/ },
    { name: "another store", config: es("pgb-config", USERS, undefined, "vault"), why: /reads ClusterSecretStore vault, not ClusterSecretStore onepassword/ },
    { name: "users.txt copied whole from the vault", config: es("pgb-config", {}, { data: [{ secretKey: "users.txt", remoteRef: { key: "pgbouncer", property: "users.txt" } }] }), why: /"users.txt" is not templated; template it from analytics-airflow-postgresql\/password/ },
    { name: "a pinned version", config: es("pgb-config", USERS, { dataFrom: [{ extract: { key: "analytics-airflow-postgresql", version: "3" } }] }), why: /pins a version/ },
  ])("refuses ESO-managed PgBouncer Secrets templated from $name", ({ config, why }) => {
    const f = pgbouncerFacts(esoInput(config, es("pgb-stats", STATS)));
    expect(f.ok).toBe(false);
    if (!f.ok) {
      expect(f.message).toMatch(why);
      expect(f.message).toContain("ExternalSecret pgb-config");
    }
  });

  it("refuses ESO-managed PgBouncer Secrets when the metadata Secret is patched directly", () => {
    const f = pgbouncerFacts({ ...esoInput(es("pgb-config", USERS), es("pgb-stats", STATS)), metadataWrite: { type: "direct" } });
    expect(f).toMatchObject({ ok: false, message: expect.stringMatching(/metadata Secret is not managed by External Secrets/) });
  });

  it("refuses a Kustomization-managed Secret, a missing Secret and a missing Deployment", () => {
    const ks = obj("Secret", "analytics-airflow-pgbouncer-config", {}, { "kustomize.toolkit.fluxcd.io/name": "apps", "kustomize.toolkit.fluxcd.io/namespace": "flux-system" });
    expect(pgbouncerFacts(input({ secrets: [ks, helmSecret("analytics-airflow-pgbouncer-stats")] }))).toMatchObject({ ok: false, message: expect.stringMatching(/Kustomization flux-system\/apps from Git/) });
    expect(pgbouncerFacts(input({ secrets: [] }))).toMatchObject({ ok: false, message: expect.stringMatching(/config Secret analytics\/analytics-airflow-pgbouncer-config does not exist/) });
    expect(pgbouncerFacts(input({ deployments: [] }))).toMatchObject({ ok: false, message: expect.stringMatching(/no PgBouncer Deployment \(analytics-airflow-pgbouncer\)/) });
  });

  it("has no stats Secret when the pods read none and it does not exist", () => {
    const f = pgbouncerFacts(input({ deployments: [pgbDeployment([])], secrets: [helmSecret("analytics-airflow-pgbouncer-config")] }));
    expect(f).toMatchObject({ ok: true, plan: { stats: null } });
    if (f.ok) expect(forwardSteps("airflow-metadata-password", { write: { type: "direct" }, consumers: [], pgbouncer: f.plan })).toEqual(["backup", "stage", "alter-role", "write", "write-pgbouncer", "restart-pgbouncer", "verify-pgbouncer", "finish"]);
  });
});

describe("metadataReleaseOf", () => {
  it("finds the release by data.metadataSecretName, or by the chart's default name when none is given", () => {
    const named = release({ data: { metadataSecretName: "analytics-airflow-metadata" } }, "named");
    const inline = release({ data: { metadataConnection: { user: "a", pass: "b" } } });
    expect(metadataReleaseOf([named], NS, "analytics-airflow-metadata")?.hr.metadata.name).toBe("named");
    expect(metadataReleaseOf([inline], NS, "analytics-airflow-metadata")?.hr.metadata.name).toBe("analytics-airflow");
    expect(metadataReleaseOf([inline], NS, "other-metadata")).toBeUndefined();
    expect(metadataReleaseOf([named], NS, "named-metadata")).toBeUndefined();
  });
});

describe("names follow the chart's airflow.fullname (templates/_helpers.yaml `airflow.fullname`)", () => {
  // charts/airflow/1.18.0/templates/secrets/metadata-connection-secret.yaml:26 — name: {{ include "airflow_metadata_secret" . }}
  // = <fullname>-metadata; with useStandardNaming the fullname is <release>-airflow.
  it.each([
    ["default naming", {}, "analytics", "analytics-metadata", "analytics-pgbouncer-config"],
    ["useStandardNaming", { useStandardNaming: true }, "analytics", "analytics-airflow-metadata", "analytics-airflow-pgbouncer-config"],
    ["fullnameOverride", { useStandardNaming: true, fullnameOverride: "af" }, "analytics", "af-metadata", "af-pgbouncer-config"],
  ])("%s", (_, extra, name, metadata, config) => {
    const r = release(extra, name);
    expect(metadataReleaseOf([r], NS, metadata)?.hr.metadata.name).toBe(name);
    expect(metadataReleaseOf([r], NS, `${name}-airflow-config`)).toBeUndefined();
    expect(r.names.pgbouncerConfigSecret).toBe(config);
  });
});

// The Helm release records the demo's helm-controller writes, decoded the way a client reads them from the API:
// Secret sh.helm.release.v1.<release>.v<N>, type helm.sh/release.v1, data.release = base64 (the API's) of
// base64(gzip(JSON)) (helm pkg/storage/driver/secrets.go, util.go encodeRelease). Install → upgrade → failed
// upgrade, with the statuses, descriptions and hooks Helm 4 records (pkg/action/install.go, upgrade.go, hooks.go).
import { gunzipSync } from "node:zlib";
import { parseAllDocuments } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { KObject } from "../store/types";
import { R } from "../sim/resources";
import { valuesDigest } from "../sim/hash";
import { apply, cond, patchSpec, secretValue, startHarness, waitFor, type Harness } from "./test-harness";
import { airflowRelease, helmRepository, metadataSecret, ns } from "./test-fixtures";
import { manifestText } from "./helm-storage";
import { manifestObjects } from "./helm-remediation";

let h: Harness;
const NS = "records";
const VALUES = {
  airflowVersion: "3.0.2",
  executor: "KubernetesExecutor",
  postgresql: { enabled: false },
  statsd: { enabled: false },
  data: { metadataSecretName: "airflow-metadata" },
};

interface HookRecord {
  name: string;
  kind: string;
  path: string;
  manifest: string;
  events: string[];
  last_run: { started_at?: string; completed_at?: string; phase: string };
  weight?: number;
  delete_policies?: string[];
}
interface Record_ {
  name: string;
  namespace: string;
  version: number;
  info: { status: string; description: string; first_deployed: string; last_deployed: string };
  chart: { metadata: Record<string, unknown> };
  config: Record<string, unknown>;
  manifest: string;
  hooks: HookRecord[];
}

/** What a client does with the Secret the API returns. */
function decode(secret: KObject | undefined): Record_ {
  const helmEncoded = Buffer.from((secret?.data as Record<string, string>).release, "base64").toString("utf8");
  return JSON.parse(gunzipSync(Buffer.from(helmEncoded, "base64")).toString("utf8")) as Record_;
}
const storage = (v: number) => h.store.get(R.secrets, NS, `sh.helm.release.v1.${NS}.v${v}`);
const record = (v: number) => decode(storage(v));
const hr = () => h.store.get(R.helmreleases, NS, NS) as KObject;
const hook = (rec: Record_, name: string) => rec.hooks.find((x) => x.name === name) as HookRecord;

beforeAll(async () => {
  h = await startHarness();
  apply(h.store, [ns(NS), helmRepository(), metadataSecret(NS), airflowRelease(NS, NS, VALUES)]);
  await waitFor("installed", () => cond(hr(), "Ready")?.status === "True", 20_000);
}, 40_000);
afterAll(async () => h?.stop());

describe("Helm release records", () => {
  it("install: a deployed v1 record with Helm's fields, labels and encoding", () => {
    const s = storage(1) as KObject;
    expect(s.type).toBe("helm.sh/release.v1");
    expect(s.metadata.labels).toMatchObject({ owner: "helm", name: NS, status: "deployed", version: "1" });
    const rec = record(1);
    expect(rec).toMatchObject({ name: NS, namespace: NS, version: 1, config: VALUES });
    expect(rec.info).toMatchObject({ status: "deployed", description: "Install complete" });
    expect(rec.info.first_deployed).toBe(rec.info.last_deployed);
    expect(rec.chart.metadata).toMatchObject({
      name: "airflow",
      version: "1.18.0",
      appVersion: "3.0.2",
      home: "https://airflow.apache.org/",
      sources: ["https://github.com/apache/airflow"],
    });
    // Manifest: "---\n# Source: <template>\n<object>\n" per non-hook object, in Helm's install order.
    expect(rec.manifest.startsWith("---\n# Source: airflow/templates/")).toBe(true);
    expect(rec.manifest).toContain(
      "# Source: airflow/templates/configmaps/configmap.yaml\napiVersion: v1\nkind: ConfigMap\n",
    );
    const kinds = [...rec.manifest.matchAll(/^kind: (\w+)$/gm)].map((m) => m[1]);
    expect(kinds.indexOf("ServiceAccount")).toBeLessThan(kinds.indexOf("Secret"));
    expect(kinds.lastIndexOf("Secret")).toBeLessThan(kinds.indexOf("ConfigMap"));
    expect(kinds.lastIndexOf("Deployment")).toBeLessThan(kinds.indexOf("StatefulSet"));
    // Hooks are not in the manifest.
    const manifestObjects = parseAllDocuments(rec.manifest).map((d) => d.toJSON() as KObject);
    const inManifest = manifestObjects.map((o) => `${o.kind}/${o.metadata.name}`);
    for (const name of ["records-fernet-key", "records-redis-password", "records-broker-url"])
      expect(inManifest).not.toContain(`Secret/${name}`);
    for (const name of ["records-run-airflow-migrations", "records-create-user"])
      expect(inManifest).not.toContain(`Job/${name}`);
    expect(inManifest).toContain("Deployment/records-scheduler");
    // The release's objects in the cluster are its manifest plus the hooks Helm keeps (the Secrets; the Jobs are
    // deleted on success, hook-succeeded).
    const served = [
      R.configmaps,
      R.secrets,
      R.serviceaccounts,
      R.services,
      R.deployments,
      R.statefulsets,
      R.jobs,
      R.pdbs,
    ];
    const inCluster = served
      .flatMap((k) => h.store.list(k, NS))
      .filter((o) => o.metadata.labels?.["helm.toolkit.fluxcd.io/name"] === NS)
      .map((o) => `${o.kind}/${o.metadata.name}`)
      .sort();
    const keptHooks = rec.hooks
      .filter((x) => !(x.delete_policies ?? []).includes("hook-succeeded"))
      .map((x) => `${x.kind}/${x.name}`);
    expect(inCluster).toEqual([...inManifest, ...keptHooks].sort());
    // Kind order (Secrets before Jobs, pkg/release/v1/util/kind_sorter.go), then template path; hooks run by weight.
    expect(rec.hooks.map((x) => [x.kind, x.name])).toEqual([
      ["Secret", "records-fernet-key"],
      ["Secret", "records-redis-password"],
      ["Secret", "records-broker-url"],
      ["Job", "records-create-user"],
      ["Job", "records-run-airflow-migrations"],
    ]);
    // secrets/fernetkey-secret.yaml:39-41 (charts/airflow/1.18.0/templates): pre-install, weight 0.
    expect(hook(rec, "records-fernet-key")).toMatchObject({
      path: "airflow/templates/secrets/fernetkey-secret.yaml",
      events: ["pre-install"],
      delete_policies: ["before-hook-creation"],
      last_run: { phase: "Succeeded" },
    });
    expect(hook(rec, "records-fernet-key").weight).toBeUndefined();
    expect(hook(rec, "records-fernet-key").manifest).toContain("kind: Secret");
    // jobs/migrate-database-job.yaml:46-48 and jobs/create-user-job.yaml:46-48.
    expect(hook(rec, "records-run-airflow-migrations")).toMatchObject({
      events: ["post-install", "post-upgrade"],
      weight: 1,
      delete_policies: ["before-hook-creation", "hook-succeeded"],
      last_run: { phase: "Succeeded" },
    });
    expect(hook(rec, "records-create-user")).toMatchObject({ weight: 2, last_run: { phase: "Succeeded" } });
    const mig = hook(rec, "records-run-airflow-migrations").last_run;
    const user = hook(rec, "records-create-user").last_run;
    expect(Date.parse(mig.completed_at as string)).toBeLessThanOrEqual(Date.parse(user.started_at as string));
  });

  it("install: the HelmRelease status points at the record like helm-controller writes it", () => {
    const st = hr().status;
    const rec = record(1);
    expect(st.storageNamespace).toBe(NS);
    expect(st.history).toHaveLength(1);
    expect(st.history[0]).toMatchObject({
      name: NS,
      namespace: NS,
      version: 1,
      status: "deployed",
      chartName: "airflow",
      chartVersion: "1.18.0",
      appVersion: "3.0.2",
      configDigest: valuesDigest(rec.config),
      firstDeployed: rec.info.first_deployed.replace(/\.\d+Z$/, "Z"),
      lastDeployed: rec.info.last_deployed.replace(/\.\d+Z$/, "Z"),
    });
    expect(st.history[0].digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(st.history[0].configDigest).toBe(st.lastAttemptedConfigDigest);
    // The release's objects are its manifest: the inventory lists no hook.
    const ids: string[] = st.inventory.entries.map((e: { id: string }) => e.id);
    expect(ids.some((id) => id.includes("fernet-key") || id.includes("create-user_batch"))).toBe(false);
    expect(ids).toContain(`${NS}_${NS}-config__ConfigMap`);
  });

  it("upgrade: v2 deployed, v1 superseded; generated keys regenerate, the fernet key (pre-install hook) stays", async () => {
    const secretOf = (name: string, key: string) => secretValue(h.store.get(R.secrets, NS, name), key);
    const fernet = secretOf("records-fernet-key", "fernet-key");
    const api = secretOf("records-api-secret-key", "api-secret-key");
    const jwt = secretOf("records-jwt-secret", "jwt-secret");
    patchSpec(
      h.store,
      R.helmreleases,
      NS,
      NS,
      (s) => ((s.values as Record<string, unknown>).scheduler = { replicas: 2 }),
    );
    await waitFor("upgraded", () => (cond(hr(), "Ready")?.reason === "UpgradeSucceeded" ? hr() : undefined), 20_000);
    const v1 = record(1);
    const v2 = record(2);
    expect(v1.info).toMatchObject({ status: "superseded", description: "Install complete" });
    expect(storage(1)?.metadata.labels?.status).toBe("superseded");
    expect(v2.info).toMatchObject({ status: "deployed", description: "Upgrade complete" });
    expect(v2.info.first_deployed).toBe(v1.info.first_deployed);
    expect(v2.config).toEqual({ ...VALUES, scheduler: { replicas: 2 } });
    // Pre-install hooks are not run by an upgrade: never run in v2's record, the cluster keeps the first key.
    expect(hook(v2, "records-fernet-key").last_run).toEqual({ phase: "" });
    expect(hook(v2, "records-run-airflow-migrations").last_run.phase).toBe("Succeeded");
    expect(secretOf("records-fernet-key", "fernet-key")).toBe(fernet);
    // randAlphaNum on every render (1.18.0 secrets/api-secret-key-secret.yaml:43, jwt-secret.yaml:25).
    expect(secretOf("records-api-secret-key", "api-secret-key")).not.toBe(api);
    expect(secretOf("records-api-secret-key", "api-secret-key")).toMatch(/^[A-Za-z0-9]{32}$/);
    expect(secretOf("records-jwt-secret", "jwt-secret")).not.toBe(jwt);
    expect(secretOf("records-jwt-secret", "jwt-secret")).toMatch(/^[A-Za-z0-9+/]{43}=$/); // b64enc(randAlphaNum 32)
    expect(hr().status.history.map((s: { version: number; status: string }) => [s.version, s.status])).toEqual([
      [2, "deployed"],
      [1, "superseded"],
    ]);
  });

  it("failed upgrade: v3 failed with Helm's description, v2 stays deployed", async () => {
    patchSpec(h.store, R.helmreleases, NS, NS, (s) => {
      s.timeout = "1m";
      (s.values as Record<string, unknown>).data = { metadataSecretName: "missing-metadata" };
    });
    await waitFor("upgrade failed", () => (cond(hr(), "Ready")?.reason === "UpgradeFailed" ? hr() : undefined), 20_000);
    const v3 = record(3);
    expect(v3.info.status).toBe("failed");
    expect(storage(3)?.metadata.labels?.status).toBe("failed");
    expect(v3.info.description).toMatch(/^Upgrade "records" failed: context deadline exceeded/);
    expect(record(2).info.status).toBe("deployed");
    expect(record(1).info.status).toBe("superseded");
    expect(cond(hr(), "Ready")?.message).toMatch(
      /^Helm upgrade failed for release records\/records with chart airflow@1\.18\.0: context deadline exceeded/,
    );
    expect(hr().status.history.map((s: { version: number; status: string }) => [s.version, s.status])).toEqual([
      [3, "failed"],
      [2, "deployed"],
      [1, "superseded"],
    ]);
  });

  it('rollback remediation: a new revision "Rollback to 2" from v2\'s record, deployed; v2 superseded', async () => {
    patchSpec(h.store, R.helmreleases, NS, NS, (s) => {
      s.upgrade = { remediation: { retries: 1, remediateLastFailure: true } };
    });
    await waitFor(
      "rolled back",
      () => (cond(hr(), "Remediated")?.reason === "RollbackSucceeded" ? hr() : undefined),
      20_000,
    );
    const v4 = record(4);
    const v5 = record(5);
    expect(v4.info.status).toBe("failed");
    // helm pkg/action/rollback.go: "Rollback to %d", the previous chart, config, manifest and hooks.
    expect(v5.info).toMatchObject({ status: "deployed", description: "Rollback to 2" });
    expect(v5.config).toEqual(record(2).config);
    expect(v5.manifest).toBe(record(2).manifest);
    expect(v5.info.first_deployed).toBe(record(1).info.first_deployed);
    expect(record(2).info.status).toBe("superseded");
    expect(record(3).info.status).toBe("failed");
    expect(hr().status.history[0]).toMatchObject({ version: 5, status: "deployed" });
    expect(cond(hr(), "Ready")).toMatchObject({ status: "False", reason: "RollbackSucceeded" });
  });
});

describe("manifest text", () => {
  it("round-trips: objects -> Helm's manifest (install order, # Source) -> the objects a rollback applies", () => {
    const objects = [
      {
        source: "airflow/templates/workers/worker-deployment.yaml",
        object: { apiVersion: "apps/v1", kind: "StatefulSet", metadata: { name: "w" } },
      },
      {
        source: "airflow/templates/configmaps/configmap.yaml",
        object: {
          apiVersion: "v1",
          kind: "ConfigMap",
          metadata: { name: "c" },
          data: { "airflow.cfg": "[core]\nx = ---\n" },
        },
      },
      {
        source: "airflow/templates/secrets/metadata-connection-secret.yaml",
        object: { apiVersion: "v1", kind: "Secret", metadata: { name: "s" } },
      },
    ] as { source: string; object: KObject }[];
    const text = manifestText(objects);
    expect(text.split("\n").filter((l) => l.startsWith("# Source: "))).toEqual([
      "# Source: airflow/templates/secrets/metadata-connection-secret.yaml",
      "# Source: airflow/templates/configmaps/configmap.yaml",
      "# Source: airflow/templates/workers/worker-deployment.yaml",
    ]);
    expect(manifestObjects(text)).toEqual([objects[2], objects[1], objects[0]]);
  });
});

import { afterEach, describe, expect, it } from "vitest";
import type { KObject } from "../store/types";
import { R } from "../sim/resources";
import { annotate, apply, cond, events, secretValue, sleep, startHarness, waitFor, type Harness } from "./test-harness";
import { clusterSecretStore, externalSecret, ns, onePasswordConnectToken } from "./test-fixtures";
import { dataHash } from "./eso-external-secret";

let h: Harness;
afterEach(async () => h?.stop());

const es = (name: string, namespace = "airflow"): KObject | undefined =>
  h.store.get(R.externalsecrets, namespace, name);
const secret = (name: string, namespace = "airflow"): KObject | undefined => h.store.get(R.secrets, namespace, name);
const synced = (name: string): KObject | undefined =>
  cond(es(name), "Ready")?.status === "True" ? es(name) : undefined;

async function setup(items: Record<string, Record<string, string>>, manifests: KObject[]): Promise<void> {
  h = await startHarness();
  for (const [item, fields] of Object.entries(items)) h.sim.vaultSet("onepassword", item, fields);
  apply(h.store, [ns("airflow"), ...onePasswordConnectToken(), clusterSecretStore(), ...manifests]);
}

const metadataEs = (extra: Record<string, unknown> = {}): KObject =>
  externalSecret("airflow-metadata", "airflow", {
    target: {
      name: "airflow-metadata",
      template: {
        engineVersion: "v2",
        data: {
          connection:
            "postgresql://{{ .username }}:{{ .password | urlquery }}@{{ .host }}:5432/airflow?sslmode=require",
        },
      },
    },
    dataFrom: [{ extract: { key: "airflow-postgresql" } }],
    ...extra,
  });

describe("external-secrets", () => {
  it("validates the store and syncs the target Secret with ESO's ownership markers", async () => {
    await setup({ "airflow-postgresql": { username: "airflow", password: "p@ss/word", host: "db.internal" } }, [
      metadataEs(),
    ]);
    const store = await waitFor("store valid", () =>
      cond(h.store.get(R.clustersecretstores, undefined, "onepassword"), "Ready")?.status === "True"
        ? h.store.get(R.clustersecretstores, undefined, "onepassword")
        : undefined,
    );
    expect(cond(store, "Ready")).toMatchObject({ reason: "Valid", message: "store validated" });
    const obj = await waitFor("synced", () => synced("airflow-metadata"));
    expect(cond(obj, "Ready")).toMatchObject({ reason: "SecretSynced", message: "secret synced" });
    expect(obj.status.refreshTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(obj.status.syncedResourceVersion).toMatch(/^1-[0-9a-f]{56}$/);
    expect(obj.status.binding).toEqual({ name: "airflow-metadata" });
    const s = secret("airflow-metadata") as KObject;
    expect(secretValue(s, "connection")).toBe(
      "postgresql://airflow:p%40ss%2Fword@db.internal:5432/airflow?sslmode=require",
    );
    expect(s.metadata.labels?.["reconcile.external-secrets.io/managed"]).toBe("true");
    expect(s.metadata.labels?.["reconcile.external-secrets.io/created-by"]).toMatch(/^[0-9a-f]{32}$/);
    expect(s.metadata.annotations?.["reconcile.external-secrets.io/data-hash"]).toBe(
      dataHash(s.data as Record<string, string>),
    );
    expect(s.metadata.ownerReferences).toEqual([
      {
        apiVersion: "external-secrets.io/v1",
        kind: "ExternalSecret",
        name: "airflow-metadata",
        uid: obj.metadata.uid,
        controller: true,
        blockOwnerDeletion: true,
      },
    ]);
    expect(s.metadata.managedFields?.[0]?.manager).toBe("externalsecrets.external-secrets.io/airflow-metadata");
  });

  it("fails with SecretSyncedError when the vault item is missing, and syncs after the item appears and a force-sync", async () => {
    await setup({ "unrelated-item": { value: "x" } }, [metadataEs()]);
    const failed = await waitFor("sync error", () =>
      cond(es("airflow-metadata"), "Ready")?.reason === "SecretSyncedError" ? es("airflow-metadata") : undefined,
    );
    expect(cond(failed, "Ready")).toMatchObject({
      status: "False",
      message: "could not get secret data from provider",
    });
    expect(failed.status.refreshTime).toBeUndefined();
    const detail = 'error processing spec.dataFrom[0].extract, err: item "airflow-postgresql" not found in vault';
    const ev = await waitFor("UpdateFailed event", () =>
      events(h.store, "ExternalSecret", "airflow-metadata", "UpdateFailed").find((e) => e.message === detail),
    );
    expect(ev.type).toBe("Warning");
    expect(secret("airflow-metadata")).toBeUndefined();

    h.sim.vaultSet("onepassword", "airflow-postgresql", { username: "airflow", password: "pw", host: "db.internal" });
    annotate(h.store, R.externalsecrets, "airflow", "airflow-metadata", { "force-sync": String(Date.now()) });
    await waitFor("synced after force-sync", () => synced("airflow-metadata"));
    expect(secretValue(secret("airflow-metadata"), "connection")).toContain("airflow:pw@db.internal");
  });

  it("treats property names case-sensitively", async () => {
    await setup({ "nessie-postgres": { username: "nessie", password: "x" } }, [
      externalSecret("nessie", "airflow", {
        data: [{ secretKey: "password", remoteRef: { key: "nessie-postgres", property: "Password" } }],
      }),
    ]);
    await waitFor("sync error", () => cond(es("nessie"), "Ready")?.reason === "SecretSyncedError");
    const detail =
      'error retrieving secret at .data[0], key: nessie-postgres, err: key "Password" not found in item "nessie-postgres"';
    await waitFor("case-sensitive property error", () =>
      events(h.store, "ExternalSecret", "nessie", "UpdateFailed").find((e) => e.message === detail),
    );
    expect(secret("nessie")).toBeUndefined();
  });

  it("re-syncs on a force-sync annotation (Periodic) but ignores it for CreatedOnce", async () => {
    await setup({ key: { value: "v1" } }, [
      externalSecret("periodic", "airflow", {
        data: [{ secretKey: "value", remoteRef: { key: "key", property: "value" } }],
      }),
      externalSecret("once", "airflow", {
        refreshPolicy: "CreatedOnce",
        data: [{ secretKey: "value", remoteRef: { key: "key", property: "value" } }],
      }),
    ]);
    await waitFor("both synced", () => synced("periodic") && synced("once"));
    const onceRv = es("once")?.status?.syncedResourceVersion;
    h.sim.vaultSet("onepassword", "key", { value: "v2" });
    await sleep(300);
    expect(secretValue(secret("periodic"), "value")).toBe("v1"); // no refresh before the interval or a force-sync
    annotate(h.store, R.externalsecrets, "airflow", "periodic", { "force-sync": "1" });
    annotate(h.store, R.externalsecrets, "airflow", "once", { "force-sync": "1" });
    await waitFor("periodic refreshed", () => secretValue(secret("periodic"), "value") === "v2");
    await sleep(300);
    expect(secretValue(secret("once"), "value")).toBe("v1");
    expect(es("once")?.status?.syncedResourceVersion).toBe(onceRv);
    expect(es("periodic")?.status?.syncedResourceVersion).not.toBe(onceRv);
  });

  it("refreshes on its refreshInterval", async () => {
    await setup({ key: { value: "v1" } }, [
      externalSecret("fast", "airflow", {
        refreshInterval: "10s",
        data: [{ secretKey: "value", remoteRef: { key: "key", property: "value" } }],
      }),
    ]);
    await waitFor("synced", () => synced("fast"));
    h.sim.vaultSet("onepassword", "key", { value: "v2" });
    await waitFor("periodic refresh", () => secretValue(secret("fast"), "value") === "v2", 5000);
  });

  it("rewrites a hand-edited managed Secret from the vault", async () => {
    await setup({ key: { value: "from-vault" } }, [
      externalSecret("managed", "airflow", {
        data: [{ secretKey: "value", remoteRef: { key: "key", property: "value" } }],
      }),
    ]);
    await waitFor("synced", () => synced("managed"));
    h.store.mutate(
      R.secrets,
      "airflow",
      "managed",
      (s) => {
        (s.data as Record<string, string>).value = Buffer.from("edited-by-hand").toString("base64");
      },
      { fieldManager: "kubectl-edit" },
    );
    expect(secretValue(secret("managed"), "value")).toBe("edited-by-hand");
    await waitFor("rewritten", () => secretValue(secret("managed"), "value") === "from-vault");
    h.store.delete(R.secrets, "airflow", "managed");
    await waitFor("recreated", () => secretValue(secret("managed"), "value") === "from-vault");
  });

  it("marks stores InvalidProviderConfig and fails their ExternalSecrets with '<Kind> \"<name>\" is not ready'", async () => {
    h = await startHarness();
    h.sim.vaultSet("onepassword", "key", { value: "v" });
    apply(h.store, [
      ns("airflow"),
      ...onePasswordConnectToken(),
      clusterSecretStore("onepassword", { "democluster.fluxtower.dev/fault": "invalid-provider" }),
      externalSecret("x", "airflow", { data: [{ secretKey: "value", remoteRef: { key: "key", property: "value" } }] }),
    ]);
    const store = await waitFor("invalid", () =>
      cond(h.store.get(R.clustersecretstores, undefined, "onepassword"), "Ready")?.status === "False"
        ? h.store.get(R.clustersecretstores, undefined, "onepassword")
        : undefined,
    );
    expect(cond(store, "Ready")).toMatchObject({
      reason: "InvalidProviderConfig",
      message: "unable to validate store",
    });
    const ev = await waitFor("event", () => events(h.store, "ExternalSecret", "x", "UpdateFailed")[0]);
    expect(ev.message).toBe('ClusterSecretStore "onepassword" is not ready');
  });

  it("ClusterExternalSecret provisions ExternalSecrets in selected namespaces and mirrors force-sync", async () => {
    h = await startHarness();
    h.sim.vaultSet("onepassword", "shared", { token: "t" });
    apply(h.store, [
      { apiVersion: "v1", kind: "Namespace", metadata: { name: "team-a", labels: { shared: "yes" } } },
      { apiVersion: "v1", kind: "Namespace", metadata: { name: "team-b", labels: { shared: "yes" } } },
      ns("other"),
      ...onePasswordConnectToken(),
      clusterSecretStore(),
      {
        apiVersion: "external-secrets.io/v1",
        kind: "ClusterExternalSecret",
        metadata: { name: "shared-token" },
        spec: {
          namespaceSelectors: [{ matchLabels: { shared: "yes" } }],
          externalSecretSpec: {
            refreshInterval: "1h",
            secretStoreRef: { kind: "ClusterSecretStore", name: "onepassword" },
            data: [{ secretKey: "token", remoteRef: { key: "shared", property: "token" } }],
          },
        },
      },
    ]);
    await waitFor(
      "secrets in both namespaces",
      () => secret("shared-token", "team-a") && secret("shared-token", "team-b"),
    );
    expect(es("shared-token", "other")).toBeUndefined();
    const ces = await waitFor(
      "status",
      () => h.store.get(R.clusterexternalsecrets, undefined, "shared-token")?.status?.provisionedNamespaces,
    );
    expect(ces).toEqual(["team-a", "team-b"]);
    annotate(h.store, R.clusterexternalsecrets, undefined, "shared-token", { "external-secrets.io/force-sync": "123" });
    await waitFor(
      "mirrored",
      () =>
        es("shared-token", "team-a")?.metadata.annotations?.["external-secrets.io/force-sync"] === "123" &&
        es("shared-token", "team-b")?.metadata.annotations?.["external-secrets.io/force-sync"] === "123",
    );
  });

  it("reports an unreachable vault on its stores and recovers", async () => {
    await setup({ key: { value: "v" } }, []);
    const css = (): KObject | undefined => h.store.get(R.clustersecretstores, undefined, "onepassword");
    await waitFor("valid", () => cond(css(), "Ready")?.reason === "Valid");
    h.sim.setVaultReachable?.("onepassword", false);
    await waitFor("invalid", () => cond(css(), "Ready")?.reason === "InvalidProviderConfig");
    expect(cond(css(), "Ready")?.message).toBe("unable to validate store");
    h.sim.setVaultReachable?.("onepassword", true);
    await waitFor("valid again", () => cond(css(), "Ready")?.reason === "Valid");
  });
});

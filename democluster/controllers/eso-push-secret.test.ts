import { afterEach, describe, expect, it } from "vitest";
import type { KObject } from "../store/types";
import { R } from "../sim/resources";
import { fingerprint } from "../sim/databases";
import type { VaultSummary } from "../vault/vault";
import { annotate, apply, cond, events, sleep, startHarness, waitFor, type Harness } from "./test-harness";
import { clusterSecretStore, ns, onePasswordConnectToken, opaqueSecret } from "./test-fixtures";
import { PUSH_FINALIZER } from "./eso-push-secret";

let h: Harness;
afterEach(async () => h?.stop());

const ps = (name: string): KObject | undefined => h.store.get(R.pushsecrets, "airflow", name);
const ready = (name: string, reason: string): KObject | undefined =>
  cond(ps(name), "Ready")?.reason === reason ? ps(name) : undefined;

/** The vault item's field fingerprints (what /__demo/state shows). */
function item(name: string, vault = "onepassword"): Record<string, string> | undefined {
  const stores = h.sim.describe().vault as VaultSummary[];
  return stores.find((v) => v.store === vault)?.items.find((i) => i.name === name)?.fingerprints;
}

function pushSecret(name: string, spec: Record<string, unknown> = {}): KObject {
  return {
    apiVersion: "external-secrets.io/v1alpha1",
    kind: "PushSecret",
    metadata: { name, namespace: "airflow" },
    spec: {
      refreshInterval: "0s",
      secretStoreRefs: [{ kind: "ClusterSecretStore", name: "onepassword" }],
      selector: { secret: { name: "source" } },
      data: [{ match: { secretKey: "value", remoteRef: { remoteKey: "airflow-postgresql", property: "password" } } }],
      ...spec,
    },
  };
}

async function setup(manifests: KObject[], store: KObject = clusterSecretStore()): Promise<void> {
  h = await startHarness();
  h.sim.vaultSet("onepassword", "airflow-postgresql", { username: "airflow", password: "old-pw" });
  apply(h.store, [ns("airflow"), ...onePasswordConnectToken(), store, ...manifests]);
}

describe("PushSecret", () => {
  it("sets only the named property of the item (other fields kept) and reports ESO's status", async () => {
    await setup([opaqueSecret("source", "airflow", { value: "new-pw" }), pushSecret("push")]);
    const obj = await waitFor("synced", () => ready("push", "Synced"));
    expect(cond(obj, "Ready")).toMatchObject({ status: "True", message: "PushSecret synced successfully" });
    expect(obj.status.syncedResourceVersion).toMatch(/^1-[0-9a-f]{56}$/);
    expect(obj.status.refreshTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(obj.status.syncedPushSecrets).toEqual({
      "ClusterSecretStore/onepassword": {
        "airflow-postgresql/password": {
          match: { secretKey: "value", remoteRef: { remoteKey: "airflow-postgresql", property: "password" } },
          // The CRD defaults it (external-secrets.io_pushsecrets.yaml status.syncedPushSecrets…conversionStrategy).
          conversionStrategy: "None",
        },
      },
    });
    expect(item("airflow-postgresql")).toEqual({ username: fingerprint("airflow"), password: fingerprint("new-pw") });
    expect(events(h.store, "PushSecret", "push", "Synced")).toHaveLength(1);
    const store = h.store.get(R.clustersecretstores, undefined, "onepassword");
    expect(store?.status?.capabilities).toBe("ReadWrite");
  });

  it("re-pushes when the source Secret changes, even with refreshInterval 0", async () => {
    await setup([opaqueSecret("source", "airflow", { value: "first" }), pushSecret("push")]);
    await waitFor("synced", () => ready("push", "Synced"));
    h.store.mutate(
      R.secrets,
      "airflow",
      "source",
      (s) => void (s.data = { value: Buffer.from("second").toString("base64") }),
      { fieldManager: "kubectl-edit" },
    );
    await waitFor("re-pushed", () => item("airflow-postgresql")?.password === fingerprint("second"));
  });

  it("IfNotExists keeps an existing remote value and says so", async () => {
    await setup([
      opaqueSecret("source", "airflow", { value: "new-pw" }),
      pushSecret("push", { updatePolicy: "IfNotExists" }),
    ]);
    const obj = await waitFor("synced", () => ready("push", "Synced"));
    expect(cond(obj, "Ready")?.message).toBe(
      "PushSecret synced successfully. Existing secrets in providers unchanged.",
    );
    expect(item("airflow-postgresql")?.password).toBe(fingerprint("old-pw"));
  });

  it("deletionPolicy None keeps the pushed value when the PushSecret is deleted; Delete removes it", async () => {
    await setup([
      opaqueSecret("source", "airflow", { value: "new-pw" }),
      pushSecret("keep"),
      pushSecret("drop", {
        deletionPolicy: "Delete",
        data: [{ match: { secretKey: "value", remoteRef: { remoteKey: "scratch", property: "token" } } }],
      }),
    ]);
    await waitFor("both synced", () => ready("keep", "Synced") && ready("drop", "Synced"));
    expect(ps("drop")?.metadata.finalizers).toEqual([PUSH_FINALIZER]);
    expect(ps("keep")?.metadata.finalizers).toBeUndefined();
    expect(item("scratch")).toEqual({ token: fingerprint("new-pw") });
    h.store.delete(R.pushsecrets, "airflow", "keep");
    h.store.delete(R.pushsecrets, "airflow", "drop");
    await waitFor("drop gone", () => !ps("drop"));
    expect(ps("keep")).toBeUndefined();
    expect(item("scratch")).toBeUndefined();
    expect(item("airflow-postgresql")?.password).toBe(fingerprint("new-pw"));
  });

  it("fails like ESO on a read-only store, a missing source Secret or key, and a store that is not ready", async () => {
    const readOnly = { ...clusterSecretStore("onepassword", { "democluster.fluxtower.dev/capabilities": "ReadOnly" }) };
    await setup(
      [
        pushSecret("push"),
        pushSecret("nokey", { selector: { secret: { name: "other" } } }),
        opaqueSecret("other", "airflow", { unrelated: "x" }),
      ],
      readOnly,
    );
    const missing = await waitFor("source missing", () => ready("push", "Errored"));
    expect(cond(missing, "Ready")).toMatchObject({ status: "False", message: "could not get source secret" });
    const nokey = await waitFor("key missing", () => ready("nokey", "Errored"));
    expect(cond(nokey, "Ready")?.message).toBe("set secret failed: secret key value does not exist");
    apply(h.store, [opaqueSecret("source", "airflow", { value: "new-pw" })]);
    await waitFor("read-only error", () => cond(ps("push"), "Ready")?.message?.includes("not implemented"));
    expect(cond(ps("push"), "Ready")?.message).toBe(
      "set secret failed: could not write remote ref value to target secretstore onepassword: not implemented",
    );
    expect(h.store.get(R.clustersecretstores, undefined, "onepassword")?.status?.capabilities).toBe("ReadOnly");
    expect(item("airflow-postgresql")?.password).toBe(fingerprint("old-pw"));
    expect(events(h.store, "PushSecret", "push", "Errored").length).toBeGreaterThan(0);
    // A store that is not Ready: the vault goes unreachable; the error names the store.
    annotate(h.store, R.clustersecretstores, undefined, "onepassword", {
      "democluster.fluxtower.dev/capabilities": "ReadWrite",
    });
    h.sim.setVaultReachable?.("onepassword", false);
    await waitFor(
      "store down",
      () => cond(h.store.get(R.clustersecretstores, undefined, "onepassword"), "Ready")?.status === "False",
    );
    h.store.mutate(R.secrets, "airflow", "source", (s) => void (s.metadata.labels = { touched: "1" }), {
      fieldManager: "kubectl-label",
    });
    await waitFor("not ready error", () => cond(ps("push"), "Ready")?.message?.includes("is not ready"), 15_000);
    expect(cond(ps("push"), "Ready")?.message).toBe(
      'set secret failed: could not get secrets client for store onepassword: ClusterSecretStore "onepassword" is not ready',
    );
    await sleep(10);
  });

  it("derives store capabilities from the provider type (webhook is read-only)", async () => {
    const webhook: KObject = {
      apiVersion: "external-secrets.io/v1",
      kind: "ClusterSecretStore",
      metadata: { name: "onepassword" },
      spec: { provider: { webhook: { url: "http://hooks.internal/{{ .remoteRef.key }}" } } },
    };
    await setup([], webhook);
    await waitFor(
      "validated",
      () => h.store.get(R.clustersecretstores, undefined, "onepassword")?.status?.capabilities === "ReadOnly",
    );
  });
});

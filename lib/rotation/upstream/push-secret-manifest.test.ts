import { describe, expect, it } from "vitest";
import type { KubeObject } from "@/lib/kinds/object";
import { pushObjectName, pushProgress, pushSecretManifest, pushSourceSecret, syncedKeys, type PushTarget } from "./push-secret-manifest";

const target = (over: Partial<PushTarget> = {}): PushTarget => ({
  namespace: "airflow",
  secret: "airflow-metadata",
  rotationId: "rabc123def45678",
  stepIndex: 4,
  store: { kind: "ClusterSecretStore", name: "onepassword", providerType: "onepassword" },
  remote: { item: "airflow-postgresql", property: "password", via: "extract", transform: "url-password" },
  ...over,
});

const ps = (status: Record<string, unknown>): KubeObject => ({ apiVersion: "external-secrets.io/v1alpha1", kind: "PushSecret", metadata: { name: "x", namespace: "airflow" }, status });
const readyTrue = { type: "Ready", status: "True", reason: "Synced", message: "PushSecret synced successfully" };
const synced = { "ClusterSecretStore/onepassword": { "airflow-postgresql/password": { match: {} } } };

describe("pushSecretManifest", () => {
  it("selects the source Secret and writes its one key to the exact remote key/property, once, without a value", () => {
    const m = pushSecretManifest(target());
    expect(m).toEqual({
      apiVersion: "external-secrets.io/v1alpha1",
      kind: "PushSecret",
      metadata: {
        name: "airflow-metadata-push-def45678-4",
        namespace: "airflow",
        labels: { "fluxtower.dev/rotation-id": "rabc123def45678", "fluxtower.dev/push-for": "airflow-metadata", "app.kubernetes.io/managed-by": "fluxtower" },
      },
      spec: {
        refreshInterval: "0s",
        updatePolicy: "Replace",
        deletionPolicy: "None",
        secretStoreRefs: [{ kind: "ClusterSecretStore", name: "onepassword" }],
        selector: { secret: { name: pushObjectName(target()) } },
        data: [{ match: { secretKey: "value", remoteRef: { remoteKey: "airflow-postgresql", property: "password" } } }],
      },
    });
  });

  it.each([
    ["with a property", { item: "jwt", property: "jwt-secret" }, { remoteKey: "jwt", property: "jwt-secret" }],
    ["without a property", { item: "whole-item" }, { remoteKey: "whole-item" }],
  ] as const)("remoteRef %s", (_what, remote, expected) => {
    const m = pushSecretManifest(target({ remote: { ...remote, via: "data", transform: "identity" }, store: { kind: "SecretStore", name: "vault", providerType: "vault" } }));
    const spec = m.spec as { data: { match: { remoteRef: unknown } }[]; secretStoreRefs: unknown };
    expect(spec.data[0].match.remoteRef).toEqual(expected);
    expect(spec.secretStoreRefs).toEqual([{ kind: "SecretStore", name: "vault" }]);
  });

  it("names are unique per step and the value lives only in the source Secret", () => {
    expect(pushObjectName(target({ stepIndex: 2 }))).not.toBe(pushObjectName(target({ stepIndex: 3 })));
    const source = pushSourceSecret(target(), "s3cret");
    expect(source.data).toEqual({ value: "s3cret" });
    expect(source.name).toBe(pushObjectName(target()));
    expect(JSON.stringify(pushSecretManifest(target()))).not.toContain("s3cret");
    expect(pushObjectName(target({ secret: "x".repeat(250) })).length).toBeLessThanOrEqual(253);
  });
});

describe("pushProgress", () => {
  it.each([
    ["no PushSecret yet", undefined, "pending"],
    ["no status", ps({}), "pending"],
    ["Errored", ps({ conditions: [{ type: "Ready", status: "False", reason: "Errored", message: "set secret failed: boom" }] }), "errored"],
    ["Synced for another entry", ps({ conditions: [readyTrue], syncedResourceVersion: "1-abc", syncedPushSecrets: { "ClusterSecretStore/onepassword": { other: {} } } }), "pending"],
    ["Synced without a synced version", ps({ conditions: [readyTrue], syncedPushSecrets: synced }), "pending"],
    ["Synced", ps({ conditions: [readyTrue], syncedResourceVersion: "1-abc", syncedPushSecrets: synced }), "synced"],
  ] as const)("%s → %s", (_what, obj, state) => {
    expect(pushProgress(obj, target()).state).toBe(state);
  });

  it("passes ESO's error message on", () => {
    const p = pushProgress(ps({ conditions: [{ type: "Ready", status: "False", reason: "Errored", message: "could not get source secret" }] }), target());
    expect(p).toEqual({ state: "errored", message: "could not get source secret" });
  });

  it("keys entries like ESO's statusRef", () => {
    expect(syncedKeys(target())).toEqual({ store: "ClusterSecretStore/onepassword", ref: "airflow-postgresql/password" });
    expect(syncedKeys(target({ remote: { item: "k", via: "data", transform: "identity" } }))).toEqual({ store: "ClusterSecretStore/onepassword", ref: "k" });
  });
});

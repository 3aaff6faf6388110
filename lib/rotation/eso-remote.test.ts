import { describe, expect, it } from "vitest";
import type { KubeObject } from "@/lib/kinds/object";
import { providerTypeOf, remoteFieldFor } from "./eso-remote";

function es(spec: Record<string, unknown>): KubeObject {
  return { apiVersion: "external-secrets.io/v1", kind: "ExternalSecret", metadata: { name: "es", namespace: "airflow" }, spec };
}

describe("remoteFieldFor", () => {
  it("maps a data[] entry to its item and property", () => {
    const r = remoteFieldFor(es({ data: [{ secretKey: "fernet-key", remoteRef: { key: "airflow-fernet-key", property: "fernet-key" } }] }), "fernet-key");
    expect(r).toEqual({ ok: true, field: { item: "airflow-fernet-key", property: "fernet-key", via: "data", transform: "identity" } });
  });

  it("finds the password field behind a templated connection URL", () => {
    const spec = {
      target: { template: { data: { connection: "postgresql://{{ .username }}:{{ .password | urlquery }}@{{ .host }}:5432/{{ .database }}" } } },
      dataFrom: [{ extract: { key: "airflow-postgresql" } }],
    };
    expect(remoteFieldFor(es(spec), "connection", { urlPassword: true })).toEqual({ ok: true, field: { item: "airflow-postgresql", property: "password", via: "extract", transform: "url-password" } });
    expect(remoteFieldFor(es(spec), "connection").ok).toBe(false);
  });

  it("follows a single-variable template", () => {
    const spec = { target: { template: { data: { token: "{{ .apiToken }}" } } }, data: [{ secretKey: "apiToken", remoteRef: { key: "svc", property: "token" } }] };
    expect(remoteFieldFor(es(spec), "token")).toMatchObject({ ok: true, field: { item: "svc", property: "token" } });
  });

  it("refuses pinned versions and ambiguous sources with a reason", () => {
    expect(remoteFieldFor(es({ data: [{ secretKey: "k", remoteRef: { key: "i", version: "3" } }] }), "k")).toMatchObject({ ok: false, reason: expect.stringContaining("pins remoteRef.version") });
    expect(remoteFieldFor(es({ dataFrom: [{ extract: { key: "a" } }, { extract: { key: "b" } }] }), "k")).toMatchObject({ ok: false, reason: expect.stringContaining("several dataFrom") });
    expect(remoteFieldFor(es({}), "k")).toMatchObject({ ok: false });
  });

  it("reads the provider type of a store", () => {
    expect(providerTypeOf({ apiVersion: "v1", kind: "ClusterSecretStore", metadata: { name: "s" }, spec: { provider: { onepassword: {} } } })).toBe("onepassword");
    expect(providerTypeOf(undefined)).toBeUndefined();
  });
});

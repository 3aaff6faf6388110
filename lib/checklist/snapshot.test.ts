import { describe, expect, it } from "vitest";
import type { KubeObject } from "../kinds/object";
import { parseConnectionUrl } from "./connection-url";
import { chartVersionOf, helmReleaseName, isAirflowRelease, isExactVersion, workloadNamespace } from "./discovery";
import { secretFactsFrom } from "./snapshot";

const b64 = (s: string) => Buffer.from(s).toString("base64");

function secret(name: string, data: Record<string, string>, extra: Partial<KubeObject["metadata"]> = {}): KubeObject {
  return {
    apiVersion: "v1",
    kind: "Secret",
    type: "Opaque",
    metadata: { name, namespace: "airflow", resourceVersion: "42", ...extra },
    data: Object.fromEntries(Object.entries(data).map(([k, v]) => [k, b64(v)])),
  };
}

describe("parseConnectionUrl", () => {
  it.each([
    [
      "postgresql://user:pw@db.example.com:5432/airflow?sslmode=require",
      { driver: "postgresql", host: "db.example.com", port: 5432, database: "airflow", requiresTls: true },
    ],
    [
      "postgresql+psycopg2://u:p@h/airflow?sslmode=verify-full",
      { driver: "postgresql+psycopg2", dialect: "postgresql", host: "h", requiresTls: true },
    ],
    ["postgresql://u:p@h:5432/airflow?sslmode=prefer", { requiresTls: false, sslMode: "prefer" }],
    ["postgresql://u:p@h:5432/airflow?sslmode=disable", { requiresTls: false }],
    ["postgresql://u:p@h:5432/airflow", { requiresTls: false, sslMode: undefined }],
    ["mysql://u:p@h:3306/airflow?ssl_mode=REQUIRED", { dialect: "mysql", requiresTls: true }],
    ["postgresql://u:p@ss@h.example:5432/db?sslmode=require", { host: "h.example", requiresTls: true }],
    ["postgresql://u:p@[2001:db8::1]:5432/db", { host: "2001:db8::1", port: 5432 }],
  ])("%s", (url, want) => {
    expect(parseConnectionUrl(url)).toMatchObject(want);
  });

  it("returns undefined for non-URLs", () => {
    expect(parseConnectionUrl("not a url")).toBeUndefined();
  });
});

describe("secretFactsFrom", () => {
  const password = "Sup3r-S3cret!";
  const s = secret(
    "airflow-metadata",
    { connection: `postgresql://airflow:${encodeURIComponent(password)}@db.example.com:5432/airflow?sslmode=require` },
    {
      labels: { "reconcile.external-secrets.io/managed": "true" },
      annotations: { "kubectl.kubernetes.io/last-applied-configuration": `{"data":{"connection":"${password}"}}` },
      ownerReferences: [
        {
          apiVersion: "external-secrets.io/v1",
          kind: "ExternalSecret",
          name: "airflow-metadata",
          uid: "u1",
          controller: true,
        },
      ],
    },
  );

  it("derives host, driver and TLS without carrying any value", () => {
    const facts = secretFactsFrom(s, true);
    expect(facts).toMatchObject({
      name: "airflow-metadata",
      keys: ["connection"],
      decoded: true,
      connectionRequiresTls: true,
    });
    expect(facts.connection).toMatchObject({ host: "db.example.com", driver: "postgresql", port: 5432 });
    const json = JSON.stringify(facts);
    expect(json).not.toContain(password);
    expect(json).not.toContain(encodeURIComponent(password));
    expect(json).not.toContain(b64(password).slice(0, 8));
    expect(json).not.toContain("airflow:"); // no user:password pair
    expect(facts.annotations).not.toHaveProperty("kubectl.kubernetes.io/last-applied-configuration");
  });

  it("without decode it keeps only metadata and key names", () => {
    const facts = secretFactsFrom(s, false);
    expect(facts.decoded).toBe(false);
    expect(facts.connection).toBeUndefined();
    expect(facts.keys).toEqual(["connection"]);
    expect(facts.ownerRefs[0].kind).toBe("ExternalSecret");
  });

  it.each([
    ["a valid Fernet key", "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=", true],
    [
      "a MultiFernet new,old pair",
      "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=,AQECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
      true,
    ],
    ["a random string", "not-a-fernet-key", false],
  ])("fernet-key: %s", (_n, value, ok) => {
    expect(secretFactsFrom(secret("f", { "fernet-key": value }), true).fernetKeyWellFormed).toBe(ok);
  });

  it.each([
    ["an OpenSSH private key", "-----BEGIN OPENSSH PRIVATE KEY-----\nAAAA\n-----END OPENSSH PRIVATE KEY-----\n", true],
    ["a public key by mistake", "ssh-ed25519 AAAAC3Nza... deploy", false],
  ])("gitSshKey: %s", (_n, value, ok) => {
    expect(secretFactsFrom(secret("g", { gitSshKey: value }), true).sshKeyWellFormed).toBe(ok);
  });
});

describe("discovery", () => {
  const hr = (spec: Record<string, unknown>, status: Record<string, unknown> = {}, name = "airflow"): KubeObject => ({
    apiVersion: "helm.toolkit.fluxcd.io/v2",
    kind: "HelmRelease",
    metadata: { name, namespace: "flux-system" },
    spec,
    status,
  });

  it.each([
    ["spec.chart.spec.chart airflow", hr({ chart: { spec: { chart: "airflow", version: "1.16.0" } } }), [], true],
    ["another chart", hr({ chart: { spec: { chart: "podinfo" } } }), [], false],
    [
      "history chartName",
      hr({ chartRef: { kind: "OCIRepository", name: "x" } }, { history: [{ chartName: "airflow" }] }),
      [],
      true,
    ],
    [
      "chartRef to an OCIRepository of airflow",
      hr({ chartRef: { kind: "OCIRepository", name: "airflow-chart" } }),
      [
        {
          apiVersion: "source.toolkit.fluxcd.io/v1",
          kind: "OCIRepository",
          metadata: { name: "airflow-chart", namespace: "flux-system" },
          spec: { url: "oci://registry.example.com/charts/airflow" },
        },
      ],
      true,
    ],
    [
      "chartRef to a HelmChart of another chart",
      hr({ chartRef: { kind: "HelmChart", name: "x" } }),
      [
        {
          apiVersion: "source.toolkit.fluxcd.io/v1",
          kind: "HelmChart",
          metadata: { name: "x", namespace: "flux-system" },
          spec: { chart: "redis" },
        },
      ],
      false,
    ],
  ])("isAirflowRelease: %s", (_n, release, sources, want) => {
    expect(isAirflowRelease(release, sources as KubeObject[])).toBe(want);
  });

  it.each([
    ["releaseName wins", hr({ releaseName: "af", targetNamespace: "airflow" }), "af"],
    ["targetNamespace prefix", hr({ targetNamespace: "airflow" }), "airflow-airflow"],
    ["plain name", hr({}), "airflow"],
  ])("helmReleaseName: %s", (_n, release, want) => {
    expect(helmReleaseName(release)).toBe(want);
  });

  it("shortens long release names to 40 chars + '-' + 12 hex (53 total)", () => {
    const name = helmReleaseName(
      hr({ targetNamespace: "a-very-long-namespace-name-for-data" }, {}, "airflow-production-primary-release"),
    );
    expect(name).toHaveLength(53);
    expect(name).toMatch(/^a-very-long-namespace-name-for-data-airf-[0-9a-f]{12}$/);
  });

  it("workloadNamespace prefers targetNamespace", () => {
    expect(workloadNamespace(hr({ targetNamespace: "airflow" }))).toBe("airflow");
    expect(workloadNamespace(hr({}))).toBe("flux-system");
  });

  it.each([
    ["1.16.0", true],
    ["v1.18.0", true],
    ["1.16.0-rc1", true],
    ["1.16.x", false],
    [">=1.15.0", false],
    ["~1.16", false],
    ["*", false],
    [undefined, false],
  ])("isExactVersion(%s) = %s", (v, want) => {
    expect(isExactVersion(v)).toBe(want);
  });

  it("chartVersionOf prefers the deployed version over a requested range", () => {
    expect(
      chartVersionOf(hr({ chart: { spec: { version: "1.16.x" } } }, { history: [{ chartVersion: "1.16.0" }] })),
    ).toBe("1.16.0");
    expect(chartVersionOf(hr({ chart: { spec: { version: "1.17.0" } } }))).toBe("1.17.0");
    expect(chartVersionOf(hr({ chart: { spec: { version: "1.x" } } }, { lastAttemptedRevision: "1.18.0" }))).toBe(
      "1.18.0",
    );
  });
});

// valuesFrom Secrets: every value they contribute is hidden in Helm records, their siblings from other sources are not.
import { describe, expect, it } from "vitest";
import { maskRecord } from "@/lib/helm/mask";
import type { ValuesFromSource } from "@/lib/checklist";
import type { HelmReleaseRecord } from "@/lib/helm/release-record";
import type { KubeObject } from "@/lib/kinds/object";
import { maskOptionsFor } from "./mask-options";
import { namingValues } from "./naming-values";

const hr: KubeObject = {
  apiVersion: "helm.toolkit.fluxcd.io/v2",
  kind: "HelmRelease",
  metadata: { name: "airflow", namespace: "airflow" },
  spec: {
    chart: { spec: { chart: "airflow", version: "1.18.0" } },
    values: { dags: { gitSync: { enabled: true } } },
    valuesFrom: [
      { kind: "Secret", name: "airflow-git", valuesKey: "values.yaml" },
      { kind: "Secret", name: "airflow-db", valuesKey: "password", targetPath: "data.metadataConnection.pass" },
      { kind: "ConfigMap", name: "airflow-common" },
    ],
  },
};
const sources: ValuesFromSource[] = [
  {
    kind: "Secret",
    name: "airflow-git",
    data: { "values.yaml": "dags:\n  gitSync:\n    repo: https://x-access-token:CANARY-token-1@github.com/acme/dags.git\n    branch: main\nfernetKeySecretName: vault-fernet\n" },
  },
  { kind: "Secret", name: "airflow-db", data: { password: "CANARY-pass-2" } },
  { kind: "ConfigMap", name: "airflow-common", data: { "values.yaml": "executor: CeleryExecutor\n" } },
];

function record(config: Record<string, unknown>): HelmReleaseRecord {
  return {
    name: "airflow",
    namespace: "airflow",
    version: 3,
    status: "deployed",
    description: "Upgrade complete",
    chart: { name: "airflow", version: "1.18.0", appVersion: "3.0.2" },
    config,
    manifestObjects: [],
    manifestSources: [],
    hooks: [],
  };
}

describe("maskOptionsFor", () => {
  const options = maskOptionsFor(hr, sources);
  it.each([
    ["a leaf path of a values.yaml Secret", "dags.gitSync.repo"],
    ["a sibling leaf of the same Secret", "fernetKeySecretName"],
    ["a targetPath Secret", "data.metadataConnection.pass"],
  ])("hides %s", (_, path) => expect(options.secretValuePaths).toContain(path));
  it("does not hide ConfigMap values or the HelmRelease's own values", () => {
    expect(options.secretValuePaths).not.toContain("executor");
    expect(options.secretValuePaths).not.toContain("dags.gitSync.enabled");
  });
  it("removes every canary from a deployed config that holds them", () => {
    const config = {
      executor: "CeleryExecutor",
      fernetKeySecretName: "vault-fernet",
      data: { metadataConnection: { user: "airflow", pass: "CANARY-pass-2" } },
      dags: { gitSync: { enabled: true, branch: "main", repo: "https://x-access-token:CANARY-token-1@github.com/acme/dags.git" } },
    };
    const masked = JSON.stringify(maskRecord(record(config), options));
    expect(masked).not.toContain("CANARY");
    expect(masked).toContain("CeleryExecutor");
  });
  it("restores a masked object name for naming only", () => {
    const masked = maskRecord(record({ fernetKeySecretName: "vault-fernet" }), options).config;
    expect(masked.fernetKeySecretName).not.toBe("vault-fernet");
    expect(namingValues(masked, { fernetKeySecretName: "vault-fernet" }).fernetKeySecretName).toBe("vault-fernet");
  });
});

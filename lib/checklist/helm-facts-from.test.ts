// lib/helm's masked records → HelmDeployedFacts → the judged values, on the real-format Airflow 1.18.0 record of
// lib/helm/fixtures (built the way Helm builds records; every secret value there is a canary).
import { describe, expect, it } from "vitest";
import type { KubeObject } from "../kinds/object";
import { airflowConfig, CANARY, recordSecret } from "../helm/fixtures/airflow-release";
import type { ReleaseRecords } from "../helm/collect-records";
import { maskRecord } from "../helm/mask";
import { decodeReleaseSecret } from "../helm/release-record";
import { buildContext } from "./context";
import { helmDeployedFacts } from "./helm-facts-from";
import type { ChecklistSnapshot } from "./snapshot";

// What the server passes: the values paths filled from valuesFrom Secrets and the strings read from them.
const MASK = { secretValuePaths: ["apiServer.apiServerConfig"], secretStrings: [CANARY.callerString] };
const masked = (version: number, status: string) =>
  maskRecord(decodeReleaseSecret(recordSecret(version, status)), MASK);

function records(...list: ReturnType<typeof masked>[]): ReleaseRecords {
  const sorted = [...list].sort((a, b) => b.version - a.version);
  return {
    source: "helm-record",
    releaseName: "airflow",
    storageNamespace: "airflow",
    records: sorted,
    current: sorted.find((r) => r.status === "deployed"),
    latest: sorted[0],
  };
}

/** The HelmRelease that produced the record: Flux composed `airflowConfig()` (unmasked) into revision 3. */
function helmRelease(extraStatus: Record<string, unknown> = {}): KubeObject {
  return {
    apiVersion: "helm.toolkit.fluxcd.io/v2",
    kind: "HelmRelease",
    metadata: { name: "airflow", namespace: "airflow", generation: 5 },
    spec: { chart: { spec: { chart: "airflow", version: "1.18.0" } }, values: airflowConfig() },
    status: {
      lastAttemptedGeneration: 5,
      lastAttemptedRevision: "1.18.0",
      history: [{ chartName: "airflow", chartVersion: "1.18.0", version: 3, status: "deployed" }],
      ...extraStatus,
    },
  };
}

function snapshot(hr: KubeObject, helm: ChecklistSnapshot["helm"]): ChecklistSnapshot {
  return {
    release: hr,
    valuesFromSources: [],
    secrets: [],
    workloads: [],
    pods: [],
    pdbs: [],
    services: [],
    configMaps: [],
    externalSecrets: [],
    stores: [],
    fluxObjects: [],
    now: "2026-12-08T00:00:00Z",
    helm,
  };
}

describe("helmDeployedFacts", () => {
  it("reads revision, chart, masked config and the owned objects with hooks", () => {
    const facts = helmDeployedFacts(helmRelease(), records(masked(2, "superseded"), masked(3, "deployed")));
    expect(facts).toMatchObject({ source: "helm-record", revision: 3, status: "deployed", chartVersion: "1.18.0" });
    expect(facts.pending).toBeUndefined();
    // templates/secrets/fernetkey-secret.yaml is a pre-install hook: in `hooks`, not in the manifest.
    expect(facts.objects).toContainEqual({
      kind: "Secret",
      name: "airflow-fernet-key",
      namespace: "airflow",
      hook: ["pre-install"],
    });
    expect(facts.objects).toContainEqual({ kind: "ConfigMap", name: "airflow-config", namespace: "airflow" });
    const json = JSON.stringify(facts);
    for (const canary of Object.values(CANARY)) expect(json).not.toContain(canary);
  });

  it("judges the masked config without inventing pending values: masked leaves match the HelmRelease's", () => {
    const hr = helmRelease();
    const ctx = buildContext(snapshot(hr, helmDeployedFacts(hr, records(masked(3, "deployed")))));
    expect(ctx.judgedFrom).toBe("helm-record");
    expect(ctx.pending).toEqual([]);
    expect(ctx.get("executor")).toBe("CeleryExecutor");
    expect(ctx.airflowConfig).toBeUndefined();
    expect(ctx.names.configMap).toBe("airflow-config");
  });

  it("a failed newer revision is pending, in Helm's words; the deployed one is judged", () => {
    const hr = helmRelease();
    const facts = helmDeployedFacts(hr, records(masked(3, "deployed"), masked(4, "failed")));
    expect(facts.revision).toBe(3);
    expect(facts.pending?.message).toContain("Helm revision 4 (airflow 1.18.0) failed");
  });

  it.each([
    [undefined, "forbidden", { source: "unreadable", reason: "forbidden" }],
    [
      { source: "none", releaseName: "airflow", storageNamespace: "airflow", records: [] } as ReleaseRecords,
      undefined,
      { source: "none", reason: "no Helm release record sh.helm.release.v1.airflow.v* in namespace airflow" },
    ],
    [
      {
        source: "helm-record",
        releaseName: "airflow",
        storageNamespace: "airflow",
        records: [],
        error: "secrets is forbidden",
      } as ReleaseRecords,
      undefined,
      { source: "unreadable", reason: "secrets is forbidden" },
    ],
  ])("no usable record (%#)", (recs, err, want) => {
    expect(helmDeployedFacts(helmRelease(), recs, err)).toEqual(want);
  });
});

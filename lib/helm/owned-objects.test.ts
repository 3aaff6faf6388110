import { describe, expect, it } from "vitest";
import { airflowReleaseJson, helmEncode, recordSecret } from "./fixtures/airflow-release";
import { maskRecord } from "./mask";
import { ownedObjects } from "./owned-objects";
import { decodeReleaseData, decodeReleaseSecret } from "./release-record";

const record = decodeReleaseSecret(recordSecret(3));

describe("ownedObjects", () => {
  it("lists manifest objects in manifest order, then the hooks with their events", () => {
    expect(ownedObjects(record)).toEqual([
      { kind: "ServiceAccount", apiVersion: "v1", namespace: "airflow", name: "airflow-scheduler", template: "airflow/templates/scheduler/scheduler-serviceaccount.yaml" },
      { kind: "Secret", apiVersion: "v1", namespace: "airflow", name: "airflow-api-secret-key", template: "airflow/templates/secrets/api-secret-key-secret.yaml" },
      { kind: "Secret", apiVersion: "v1", namespace: "airflow", name: "airflow-metadata", template: "airflow/templates/secrets/metadata-connection-secret.yaml" },
      { kind: "ConfigMap", apiVersion: "v1", namespace: "airflow", name: "airflow-config", template: "airflow/templates/configmaps/configmap.yaml" },
      { kind: "ConfigMap", apiVersion: "v1", namespace: "airflow", name: "airflow-api-server-config", template: "airflow/templates/configmaps/api-server-configmap.yaml" },
      { kind: "StatefulSet", apiVersion: "apps/v1", namespace: "airflow", name: "airflow-scheduler", template: "airflow/templates/scheduler/scheduler-deployment.yaml" },
      // templates/priorityclasses/priority-classes.yaml: cluster-scoped, no namespace
      { kind: "PriorityClass", apiVersion: "scheduling.k8s.io/v1", namespace: undefined, name: "airflow-high", template: "airflow/templates/priorityclasses/priority-classes.yaml" },
      {
        kind: "Secret", apiVersion: "v1", namespace: "airflow", name: "airflow-fernet-key",
        hook: ["pre-install"], hookDeletePolicies: ["before-hook-creation"], template: "airflow/templates/secrets/fernetkey-secret.yaml",
      },
      {
        kind: "Secret", apiVersion: "v1", namespace: "airflow", name: "airflow-airflow-variables",
        hook: ["pre-install", "pre-upgrade"], hookDeletePolicies: ["before-hook-creation"], template: "airflow/templates/secrets/extra-secrets.yaml",
      },
      {
        kind: "Job", apiVersion: "batch/v1", namespace: "airflow", name: "airflow-run-airflow-migrations",
        hook: ["post-install", "post-upgrade"], hookDeletePolicies: ["before-hook-creation", "hook-succeeded"], template: "airflow/templates/jobs/migrate-database-job.yaml",
      },
      {
        kind: "Job", apiVersion: "batch/v1", namespace: "airflow", name: "airflow-create-user",
        hook: ["post-install", "post-upgrade"], hookDeletePolicies: ["before-hook-creation", "hook-succeeded"], template: "airflow/templates/jobs/create-user-job.yaml",
      },
    ]);
  });

  it("is the same for the masked record (masking keeps identities)", () => {
    expect(ownedObjects(maskRecord(record, { secretValuePaths: [], secretStrings: [] }))).toEqual(ownedObjects(record));
  });

  it.each([
    ["an explicit metadata.namespace wins over the release namespace", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: shared\n  namespace: monitoring\n", "monitoring"],
    ["a namespaced object without one lands in the release namespace", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: shared\n", "airflow"],
    ["a ClusterRole has none", "apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: airflow-pod-launcher\n", undefined],
  ])("%s", (_name, doc, namespace) => {
    const json = { ...airflowReleaseJson(), manifest: `---\n# Source: airflow/templates/x.yaml\n${doc}`, hooks: [] };
    const r = decodeReleaseData(Buffer.from(helmEncode(json)).toString("base64"));
    expect(ownedObjects(r)).toEqual([expect.objectContaining({ namespace })]);
  });

  it("uses the caller's scope answer (e.g. API discovery) over the built-in kind list", () => {
    const scoped = ownedObjects(record, (_apiVersion, kind) => (kind === "ServiceAccount" ? true : undefined));
    expect(scoped[0]).toMatchObject({ kind: "ServiceAccount", namespace: undefined });
    expect(scoped[1]).toMatchObject({ kind: "Secret", namespace: "airflow" });
  });
});

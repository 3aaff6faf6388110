import { describe, expect, it } from "vitest";
import { editValues, item, scenario } from "./fixtures/mutate";

const AF3 = "airflow3-production.yaml";
const AF2 = "airflow2-gaps.yaml";

const child = (v: Record<string, unknown>, key: string) => v[key] as Record<string, unknown>;

describe("table-driven variants", () => {
  type Case = {
    name: string;
    file: string;
    edit: (s: ReturnType<typeof scenario>) => void;
    id: string;
    status: string;
    text?: string;
  };
  const cases: Case[] = [
    // Defaults vs explicit values
    {
      name: "AF3 without apiServer.replicas falls back to 1",
      file: AF3,
      edit: (s) => s.set("HelmRelease", undefined, "spec.values.apiServer", { podDisruptionBudget: { enabled: true } }),
      id: "ha.api-server-replicas",
      status: "fail",
      text: "1 replica(s)",
    },
    {
      name: "AF2 webserver replicas 2 in spec.values",
      file: AF2,
      edit: (s) =>
        s
          .set("HelmRelease", undefined, "spec.values.webserver.replicas", 2)
          .set("Deployment", "airflow-webserver", "spec.replicas", 2)
          .set("Deployment", "airflow-webserver", "status.readyReplicas", 2),
      id: "ha.webserver-replicas",
      status: "pass",
    },
    {
      name: "explicit pgbouncer.enabled false in a ConfigMap",
      file: AF3,
      edit: (s) => s.set("ConfigMap", "airflow-values", "data.values\\.yaml", "pgbouncer:\n  enabled: false\n"),
      id: "pgbouncer.enabled",
      status: "fail",
    },
    {
      name: "scheduler scaled to 1 in the cluster (drift)",
      file: AF3,
      edit: (s) => s.set("Deployment", "airflow-scheduler", "spec.replicas", 1),
      id: "ha.scheduler-replicas",
      status: "fail",
      text: "drift",
    },
    {
      name: "only 1 of 2 schedulers ready",
      file: AF3,
      edit: (s) => s.set("Deployment", "airflow-scheduler", "status.readyReplicas", 1),
      id: "ha.scheduler-replicas",
      status: "warn",
    },
    {
      name: "triggerer at 1 replica is only a warning",
      file: AF3,
      edit: (s) => s.set("HelmRelease", undefined, "spec.values.triggerer.replicas", 1),
      id: "ha.triggerer-replicas",
      status: "warn",
    },
    // PDBs
    {
      name: "missing scheduler PDB",
      file: AF3,
      edit: (s) => s.drop("PodDisruptionBudget", "airflow-scheduler-pdb"),
      id: "ha.scheduler-pdb",
      status: "fail",
      text: "no PodDisruptionBudget",
    },
    {
      name: "PDB with disruptionsAllowed 0",
      file: AF3,
      edit: (s) => s.set("PodDisruptionBudget", "airflow-api-server-pdb", "status.disruptionsAllowed", 0),
      id: "ha.api-server-pdb",
      status: "fail",
      text: "allows no disruptions",
    },
    // Secrets inlined
    {
      name: "apiSecretKey inlined in spec.values",
      file: AF3,
      edit: (s) => s.set("HelmRelease", undefined, "spec.values.apiSecretKey", "abc123"),
      id: "secrets.no-inline",
      status: "fail",
      text: "`apiSecretKey`",
    },
    {
      name: "metadataConnection.pass inlined in a ConfigMap",
      file: AF3,
      edit: (s) =>
        s.set(
          "ConfigMap",
          "airflow-values",
          "data.values\\.yaml",
          "data:\n  metadataSecretName: airflow-metadata\n  metadataConnection:\n    pass: hunter2\n",
        ),
      id: "secrets.no-inline",
      status: "fail",
      text: "data.metadataConnection.pass",
    },
    {
      name: "broker URL with credentials inlined",
      file: AF3,
      edit: (s) => s.set("HelmRelease", undefined, "spec.values.data.brokerUrl", "redis://:pw@redis:6379/0"),
      id: "secrets.no-inline",
      status: "fail",
      text: "data.brokerUrl",
    },
    {
      name: "jwtSecret from a Secret valuesFrom is not flagged",
      file: AF3,
      edit: (s) => {
        s.set("HelmRelease", undefined, "spec.valuesFrom[2]", { kind: "Secret", name: "airflow-values-secret" });
        s.add({
          apiVersion: "v1",
          kind: "Secret",
          metadata: { name: "airflow-values-secret", namespace: "airflow" },
          data: { "values.yaml": Buffer.from("jwtSecret: abc\n").toString("base64") },
        });
      },
      id: "secrets.no-inline",
      status: "pass",
    },
    {
      name: "the same jwtSecret from a ConfigMap valuesFrom is flagged",
      file: AF3,
      edit: (s) => {
        s.set("HelmRelease", undefined, "spec.valuesFrom[2]", { kind: "ConfigMap", name: "airflow-values-extra" });
        s.add({
          apiVersion: "v1",
          kind: "ConfigMap",
          metadata: { name: "airflow-values-extra", namespace: "airflow" },
          data: { "values.yaml": "jwtSecret: abc\n" },
        });
      },
      id: "secrets.no-inline",
      status: "fail",
      text: "ConfigMap/airflow-values-extra",
    },
    // Named secrets with the right keys
    {
      name: "fernet Secret with the wrong key",
      file: AF3,
      edit: (s) => s.set("Secret", "airflow-fernet-key", "data", { fernet: "eA==" }),
      id: "secrets.fernet-key",
      status: "fail",
      text: "fernet-key",
    },
    {
      name: "fernet key not a Fernet key",
      file: AF3,
      edit: (s) =>
        s.set("Secret", "airflow-fernet-key", "data", { "fernet-key": Buffer.from("short").toString("base64") }),
      id: "secrets.fernet-key",
      status: "fail",
      text: "not a valid Fernet key",
    },
    {
      name: "AF3 jwtSecretName unset",
      file: AF3,
      edit: (s) => editValues(s, (v) => delete v.jwtSecretName),
      id: "secrets.jwt-secret",
      status: "fail",
    },
    {
      name: "AF3 on chart 1.18 with only webserverSecretKeySecretName",
      file: AF3,
      edit: (s) =>
        editValues(s, (v) => {
          v.webserverSecretKeySecretName = v.apiSecretKeySecretName;
          delete v.apiSecretKeySecretName;
        }),
      id: "secrets.api-secret-key",
      status: "fail",
      text: "1.18",
    },
    // ESO
    {
      name: "ExternalSecret failing to sync",
      file: AF3,
      edit: (s) =>
        s.set("ExternalSecret", "airflow-jwt-secret", "status.conditions", [
          {
            type: "Ready",
            status: "False",
            reason: "SecretSyncedError",
            message: "could not get secret data from provider",
          },
        ]),
      id: "secrets.eso-synced",
      status: "fail",
      text: "airflow-jwt-secret",
    },
    {
      name: "store not ready",
      file: AF3,
      edit: (s) =>
        s.set("ClusterSecretStore", "onepassword", "status.conditions", [
          { type: "Ready", status: "False", reason: "InvalidProviderConfig", message: "unable to validate store" },
        ]),
      id: "secrets.eso-synced",
      status: "fail",
      text: "not Ready",
    },
    {
      name: "ES targets a Secret that does not exist yet",
      file: AF3,
      edit: (s) =>
        s.drop("Secret", "airflow-jwt-secret").set("ExternalSecret", "airflow-jwt-secret", "status.conditions", [
          {
            type: "Ready",
            status: "False",
            reason: "SecretSyncedError",
            message: "could not get secret data from provider",
          },
        ]),
      id: "secrets.eso-synced",
      status: "fail",
    },
    {
      name: "hand-made Secret is only advisory",
      file: AF3,
      edit: (s) =>
        s
          .drop("ExternalSecret", "airflow-jwt-secret")
          .set("Secret", "airflow-jwt-secret", "metadata", { name: "airflow-jwt-secret", namespace: "airflow" }),
      id: "secrets.externally-managed",
      status: "warn",
    },
    // Database
    {
      name: "embedded PostgreSQL left at the chart default",
      file: AF3,
      edit: (s) => editValues(s, (v) => delete v.postgresql),
      id: "db.external-postgres",
      status: "fail",
      text: "chart default",
    },
    {
      name: "connection through PgBouncer without sslmode",
      file: AF3,
      edit: (s) =>
        s.set(
          "Secret",
          "airflow-metadata",
          "data.connection",
          Buffer.from("postgresql://a:b@airflow-pgbouncer.airflow:6543/airflow-metadata").toString("base64"),
        ),
      id: "db.tls-required",
      status: "warn",
      text: "PgBouncer",
    },
    {
      name: "connection key missing",
      file: AF3,
      edit: (s) => s.set("Secret", "airflow-metadata", "data", { password: "eA==" }),
      id: "db.metadata-secret",
      status: "fail",
      text: "connection",
    },
    // git-sync / logging / monitoring
    {
      name: "knownHosts removed",
      file: AF3,
      edit: (s) => editValues(s, (v) => delete child(child(v, "dags"), "gitSync").knownHosts),
      id: "gitsync.known-hosts",
      status: "fail",
    },
    {
      name: "git-sync sidecar restarting often",
      file: AF3,
      edit: (s) => s.set("Pod", "airflow-dag-processor-6d8c7b5f4-q8v2n", "status.containerStatuses[1].restartCount", 9),
      id: "gitsync.containers-ready",
      status: "warn",
    },
    {
      name: "remote logging via env var only",
      file: AF2,
      edit: (s) =>
        s.set("HelmRelease", undefined, "spec.values.env", [
          { name: "AIRFLOW__LOGGING__REMOTE_LOGGING", value: "True" },
        ]),
      id: "logging.remote-enabled",
      status: "pass",
    },
    {
      name: "remote logging via extraEnv string",
      file: AF2,
      edit: (s) =>
        s.set(
          "HelmRelease",
          undefined,
          "spec.values.extraEnv",
          "- name: AIRFLOW__LOGGING__REMOTE_LOGGING\n  value: 'True'\n",
        ),
      id: "logging.remote-enabled",
      status: "pass",
    },
    {
      name: "remote folder missing",
      file: AF3,
      edit: (s) => s.set("HelmRelease", undefined, "spec.values.config.logging.remote_base_log_folder", ""),
      id: "logging.remote-folder",
      status: "fail",
    },
    {
      name: "statsd disabled, OTel on",
      file: AF3,
      edit: (s) =>
        s
          .set("HelmRelease", undefined, "spec.values.statsd.enabled", false)
          .set("HelmRelease", undefined, "spec.values.config.metrics", {
            statsd_on: "False",
            otel_on: "True",
            otel_host: "otel-collector.monitoring",
          }),
      id: "monitoring.metrics-enabled",
      status: "pass",
      text: "OTEL",
    },
    {
      name: "statsd disabled, no OTel",
      file: AF3,
      edit: (s) =>
        s
          .set("HelmRelease", undefined, "spec.values.statsd.enabled", false)
          .set("HelmRelease", undefined, "spec.values.config.metrics.statsd_on", "False"),
      id: "monitoring.metrics-enabled",
      status: "fail",
    },
    // Pre/post deployment
    {
      name: "HelmRelease stalled",
      file: AF3,
      edit: (s) =>
        s.set("HelmRelease", undefined, "status.conditions", [
          { type: "Ready", status: "False", reason: "UpgradeFailed", message: "Helm upgrade failed" },
          {
            type: "Stalled",
            status: "True",
            reason: "RetriesExceeded",
            message: "Failed to upgrade after 4 attempt(s)",
          },
        ]),
      id: "pre.flux-healthy",
      status: "fail",
      text: "stalled",
    },
    {
      name: "chart pinned to a range",
      file: AF3,
      edit: (s) => s.set("HelmRelease", undefined, "spec.chart.spec.version", ">=1.15.0"),
      id: "pre.chart-pinned",
      status: "fail",
    },
    {
      name: "valuesFrom ConfigMap missing",
      file: AF3,
      edit: (s) => s.drop("ConfigMap", "airflow-git"),
      id: "pre.values-sources",
      status: "fail",
      text: "airflow-git",
    },
    {
      name: "crash-looping api-server",
      file: AF3,
      edit: (s) =>
        s.set("Pod", "airflow-api-server-5b7f9c4d8-hx2lp", "status.containerStatuses[0].state", {
          waiting: { reason: "CrashLoopBackOff" },
        }),
      id: "post.no-crashloop",
      status: "fail",
    },
    {
      name: "restart within the last hour",
      file: AF3,
      edit: (s) =>
        s.set("Pod", "airflow-scheduler-7c9d8b6f5-2kq4x", "status.containerStatuses[0].lastState", {
          terminated: { reason: "OOMKilled", finishedAt: "2025-06-20T07:30:00Z" },
        }),
      id: "post.no-recent-restarts",
      status: "warn",
      text: "OOMKilled",
    },
  ];

  it.each(cases)("$name → $id is $status", ({ file, edit, id, status, text }) => {
    const s = scenario(file);
    edit(s);
    const it_ = item(s.evaluate(), id);
    expect(it_.status, `${it_.message}\n${JSON.stringify(it_.evidence)}`).toBe(status);
    if (text) expect(`${it_.message} ${it_.evidence.map((e) => e.text).join(" ")}`).toContain(text);
  });
});

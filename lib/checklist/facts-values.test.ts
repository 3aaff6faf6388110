// Issue 19 facts about values: what runs (Helm record) vs what the HelmRelease asks (12), the config ConfigMap name
// (1), git-sync credentials (4) and interval (10), and seed 001's `postgresql.auth.existingSecret` (11).
import { describe, expect, it } from "vitest";
import { buildContext } from "./context";
import { editValues, item, scenario } from "./fixtures/mutate";

const AF3 = "airflow3-production.yaml";
const AF2 = "airflow2-gaps.yaml";
const text = (i: { message: string; evidence: { text: string }[] }) =>
  `${i.message}\n${i.evidence.map((e) => e.text).join("\n")}`;

describe("with a Helm release record the checklist judges what runs (fact 12)", () => {
  // Seed 002's values that charts/airflow/1.18.0/values.schema.json refuses: root `extraEnv` is
  // ["null","string"] (a list is refused), `scheduler` has additionalProperties: false (no `extraEnv`), and
  // `scheduler.podDisruptionBudget` has additionalProperties: false (no `minAvailable` outside `config`).
  const SCHEMA_ERROR =
    "Helm upgrade failed for release airflow/airflow with chart airflow@1.18.0: values don't meet the specifications of the schema(s) in the following chart(s):\nairflow:\n- extraEnv: Invalid type. Expected: [null,string], given: array\n- scheduler: Additional property extraEnv is not allowed\n- scheduler.podDisruptionBudget: Additional property minAvailable is not allowed";

  function refused(record: boolean) {
    const s = scenario(AF3);
    s.applied = false;
    if (!record) s.helm = undefined;
    else if (s.helm) s.helm.pending = { message: SCHEMA_ERROR };
    s.set("HelmRelease", undefined, "spec.values.extraEnv", [
      { name: "AIRFLOW__METRICS__OTEL_ON", value: "True" },
      { name: "AIRFLOW__METRICS__OTEL_HOST", value: "otel-collector.monitoring" },
    ]);
    s.set("HelmRelease", undefined, "spec.values.scheduler.extraEnv", [
      { name: "AIRFLOW__SCHEDULER__ENABLE_HEALTH_CHECK", value: "True" },
    ]);
    s.set("HelmRelease", undefined, "spec.values.scheduler.podDisruptionBudget.minAvailable", 1);
    return s.evaluate();
  }

  it("names the refused values and does not judge them as applied", () => {
    const result = refused(true);
    const applied = item(result, "pre.values-applied");
    expect(applied.status).toBe("fail");
    for (const p of ["`extraEnv`", "`scheduler.extraEnv`", "`scheduler.podDisruptionBudget.minAvailable`"])
      expect(applied.message).toContain(p);
    expect(text(applied)).toContain(
      "pending: the HelmRelease asks for a list of 2 item(s) at `extraEnv`, Helm has not applied it",
    );
    expect(text(applied)).toContain("Helm has not applied the HelmRelease: Helm upgrade failed");
    // Env lists are summarised, never shown.
    expect(JSON.stringify(applied)).not.toContain("otel-collector.monitoring");
    expect(text(applied)).toContain("Judged from Helm release record rev 7 (deployed, chart 1.18.0)");
    // The refused extraEnv would switch metrics to OpenTelemetry; it is not running, so StatsD is judged.
    expect(item(result, "monitoring.metrics-enabled").message).toContain("StatsD");
  });

  it("without a record the same values are judged from the HelmRelease, and the evidence says so", () => {
    const result = refused(false);
    const applied = item(result, "pre.values-applied");
    expect(applied.status).toBe("warn");
    expect(applied.message).toBe("No Helm release record readable (not read): judged from the HelmRelease's values");
    expect(item(result, "monitoring.metrics-enabled").message).toContain("OTEL");
  });

  it("an unreadable record gives its reason", () => {
    const s = scenario(AF3);
    s.helm = { source: "unreadable", reason: "secrets is forbidden in namespace airflow" };
    expect(item(s.evaluate(), "pre.values-applied").message).toContain(
      "No Helm release record readable (secrets is forbidden in namespace airflow)",
    );
  });

  it("when the HelmRelease agrees with the record, provenance still names the values' source", () => {
    const result = scenario(AF3).evaluate();
    expect(item(result, "pre.values-applied").status).toBe("pass");
    expect(item(result, "ha.scheduler-replicas").evidence[0].text).toBe("`scheduler.replicas` = 2 (spec.values)");
    expect(item(result, "pgbouncer.pool-sizes").evidence[0].text).toBe(
      "`pgbouncer.maxClientConn` = 200 (ConfigMap/airflow-values)",
    );
  });

  it("a value changed in Git but not yet deployed is judged as deployed and named as pending", () => {
    const s = scenario(AF3);
    s.applied = false;
    s.set("HelmRelease", undefined, "spec.values.scheduler.replicas", 3);
    const result = s.evaluate();
    expect(item(result, "pre.values-applied").status).toBe("warn");
    const ev = item(result, "ha.scheduler-replicas").evidence[0].text;
    expect(ev).toContain("`scheduler.replicas` = 2 (deployed by Helm rev 7; pending: the HelmRelease asks for 3");
  });

  it("a newer chart version asked for is pending; the deployed chart's rules apply", () => {
    const s = scenario(AF3);
    s.applied = false;
    s.set("HelmRelease", undefined, "spec.chart.spec.version", "1.19.0");
    const result = s.evaluate();
    expect(result.subject.chartVersion).toBe("1.18.0");
    expect(text(item(result, "pre.values-applied"))).toContain(
      "the HelmRelease asks for chart 1.19.0, Helm runs chart 1.18.0",
    );
  });
});

describe("the config ConfigMap is <fullname>-config (fact 1)", () => {
  // charts/airflow/1.18.0/templates/_helpers.yaml L622-623 `airflow_config`: printf "%s-config" airflow.fullname;
  // L25-38 `airflow.fullname`: the release name, or with useStandardNaming `fullnameOverride` / `<release>-airflow`.
  it.each([
    ["default naming", {}, "airflow-config"],
    [
      "useStandardNaming + fullnameOverride",
      { useStandardNaming: true, fullnameOverride: "af-prod" },
      "af-prod-config",
    ],
  ])("%s → %s", (_n, naming, name) => {
    const s = scenario(AF3);
    editValues(s, (v) => Object.assign(v, naming));
    const cm = s.get("ConfigMap", "airflow-config");
    cm.metadata.name = name;
    // A leftover ConfigMap with the old, wrong name `<release>-airflow-config` is not the chart's.
    s.add({ ...JSON.parse(JSON.stringify(cm)), metadata: { name: "airflow-airflow-config", namespace: "airflow" } });
    const ctx = buildContext(s.snapshot());
    expect(ctx.names.configMap).toBe(name);
    expect(ctx.airflowConfig?.metadata.name).toBe(name);
    expect(text(item(s.evaluate(), "gitsync.known-hosts"))).toContain(`ConfigMap ${name} has key known_hosts`);
  });
});

describe("git-sync (facts 4 and 10)", () => {
  // charts/airflow/1.18.0/templates/_helpers.yaml L258-278: with `credentialsSecret` the git-sync container
  // references GIT_SYNC_USERNAME, GITSYNC_USERNAME, GIT_SYNC_PASSWORD and GITSYNC_PASSWORD as required keys.
  it.each([
    [["GITSYNC_USERNAME", "GITSYNC_PASSWORD"], "fail", "lacks keys GIT_SYNC_USERNAME, GIT_SYNC_PASSWORD"],
    [["GIT_SYNC_USERNAME", "GIT_SYNC_PASSWORD"], "fail", "lacks keys GITSYNC_USERNAME, GITSYNC_PASSWORD"],
    [
      ["GIT_SYNC_USERNAME", "GITSYNC_USERNAME", "GIT_SYNC_PASSWORD", "GITSYNC_PASSWORD"],
      "pass",
      "Secret git-https-creds",
    ],
  ])("credentials Secret with %j → %s", (keys, status, words) => {
    const s = scenario(AF3);
    s.set("ConfigMap", "airflow-git", "data.repo", "https://github.com/acme/airflow-dags.git");
    editValues(s, (v) => {
      const gitSync = (v.dags as Record<string, Record<string, unknown>>).gitSync;
      delete gitSync.sshKeySecret;
      gitSync.credentialsSecret = "git-https-creds";
    });
    s.add({
      apiVersion: "v1",
      kind: "Secret",
      type: "Opaque",
      metadata: { name: "git-https-creds", namespace: "airflow" },
      data: Object.fromEntries(keys.map((k) => [k, Buffer.from("x").toString("base64")])),
    });
    const i = item(s.evaluate(), "gitsync.ssh-key-secret");
    expect(i.status).toBe(status);
    expect(text(i)).toContain(words);
  });

  // _helpers.yaml L306-311 (1.18.0): GIT_SYNC_WAIT is rendered when `wait` is set, next to GITSYNC_PERIOD; git-sync
  // takes the deprecated wait over the period, so `wait` (seconds) wins.
  it.each([
    [undefined, "every 60s, from `period`"],
    [120, "every 120s, from `wait`, which wins over `period`"],
  ])("wait %s → %s", (wait, words) => {
    const s = scenario(AF3);
    if (wait !== undefined)
      editValues(s, (v) => {
        (v.dags as Record<string, Record<string, unknown>>).gitSync.wait = wait;
      });
    expect(item(s.evaluate(), "gitsync.repo-policy").message).toContain(words);
  });
});

describe("seed 001: postgresql.auth.existingSecret with the bundled database (fact 11)", () => {
  // The Bitnami subchart takes the postgres password from the existing Secret (key postgres-password), but
  // charts/airflow/1.18.0/templates/secrets/metadata-connection-secret.yaml L22-58 builds the connection from
  // `data.metadataConnection` (values.yaml L520-527: user postgres, pass postgres) whenever metadataSecretName is unset.
  function seed001() {
    const s = scenario(AF3);
    editValues(s, (v) => {
      delete v.data;
      v.postgresql = { auth: { existingSecret: "airflow-postgresql" } };
      v.webserverSecretKeySecretName = "airflow-webserver-secret";
    });
    s.add({
      apiVersion: "v1",
      kind: "Secret",
      type: "Opaque",
      metadata: { name: "airflow-postgresql", namespace: "airflow" },
      data: { "postgres-password": Buffer.from("Zm9vYmFyLXNlZWQtMDAx").toString("base64") },
    });
    return s.evaluate();
  }

  it("diagnoses the password mismatch in words", () => {
    const result = seed001();
    const md = item(result, "db.metadata-secret");
    expect(md.status).toBe("fail");
    expect(md.message).toContain(
      "Secret airflow-postgresql (`postgresql.auth.existingSecret`, key `postgres-password`)",
    );
    expect(md.message).toContain("from `data.metadataConnection` (the chart's default password)");
    expect(text(md)).toContain("Secret airflow-postgresql has postgres-password");
    expect(text(md)).toContain("the chart renders Secret airflow-metadata from `data.metadataConnection`");
    expect(item(result, "db.external-postgres").message).toContain("fail to authenticate");
    expect(JSON.stringify(result)).not.toContain("Zm9vYmFyLXNlZWQtMDAx");
  });

  it("does not apply once the metadata connection comes from a Secret", () => {
    const s = scenario(AF2);
    s.set("HelmRelease", undefined, "spec.values.postgresql", { enabled: true, auth: { existingSecret: "x" } });
    expect(item(s.evaluate(), "db.metadata-secret").message).not.toContain("existingSecret");
  });
});

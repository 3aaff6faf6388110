// The Secrets a release reads or the chart renders (ChartNames.secrets and the named fields), cited against
// charts/airflow/<version>/templates.
import { describe, expect, it } from "vitest";
import { chartNames } from "./naming";
import type { ChartSecret } from "./secrets";

const names = (chartVersion: string, values: Record<string, unknown>, release = "prod") =>
  chartNames({ release, namespace: "airflow", chartVersion, values });

const byRole = (secrets: ChartSecret[]) => Object.fromEntries(secrets.map((s) => [s.role, s]));

describe("chart-generated Secrets", () => {
  it("1.18 defaults, Airflow 3: roles, keys, hooks (secrets/*.yaml of 1.18.0)", () => {
    const s = byRole(names("1.18.0", {}).secrets);
    expect(Object.keys(s).sort()).toEqual(["api-secret-key", "broker-url", "fernet-key", "jwt-secret", "metadata", "redis-password"]);
    // fernetkey-secret.yaml:29,39 and redis-secrets.yaml:36,47 / :65,76: pre-install hooks.
    expect(s["fernet-key"]).toEqual({ role: "fernet-key", name: "prod-fernet-key", renderedName: "prod-fernet-key", hook: "pre-install", keys: ["fernet-key"], referenced: true });
    expect(s["redis-password"]).toMatchObject({ name: "prod-redis-password", hook: "pre-install", keys: ["password"] });
    expect(s["broker-url"]).toMatchObject({ name: "prod-broker-url", hook: "pre-install", keys: ["connection"], referenced: true });
    // metadata-connection-secret.yaml:36 (no hook); api-secret-key-secret.yaml:27; jwt-secret.yaml:29.
    expect(s.metadata).toMatchObject({ name: "prod-metadata", renderedName: "prod-metadata", keys: ["connection"] });
    expect(s.metadata.hook).toBeUndefined();
    expect(s["api-secret-key"]).toMatchObject({ name: "prod-api-secret-key", keys: ["api-secret-key"], referenced: true });
    expect(s["jwt-secret"]).toMatchObject({ name: "prod-jwt-secret", renderedName: "prod-jwt-secret", keys: ["jwt-secret"] });
  });

  it("1.17 + useStandardNaming: the JWT Secret the chart renders is not the one the pods read", () => {
    // secrets/jwt-secret.yaml:29 renders <fullname>-jwt-secret; _helpers.yaml:407 (env) reads <release>-jwt-secret.
    const n = names("1.17.0", { useStandardNaming: true });
    expect(byRole(n.secrets)["jwt-secret"]).toMatchObject({ name: "prod-jwt-secret", renderedName: "prod-airflow-jwt-secret" });
    expect([n.jwtSecret, n.jwtSecretReferenced]).toEqual(["prod-airflow-jwt-secret", "prod-jwt-secret"]);
  });

  it("1.19 + useStandardNaming: the broker URL Secret is rendered under the fullname but read under the release", () => {
    // secrets/redis-secrets.yaml:65 vs _helpers.yaml:137 of 1.19.0.
    const n = names("1.19.0", { useStandardNaming: true });
    expect([n.brokerUrlSecret, n.brokerUrlSecretReferenced]).toEqual(["prod-airflow-broker-url", "prod-broker-url"]);
  });

  it("1.18 → 1.19 with useStandardNaming moves the fernet key to a name whose pre-install hook never runs on upgrade", () => {
    // 1.18.0 _helpers.yaml:410 (<release>-fernet-key) → 1.19.0 _helpers.yaml:416 (<fullname>-fernet-key);
    // fernetkey-secret.yaml:39 is a "pre-install" hook only.
    const before = names("1.18.0", { useStandardNaming: true });
    const after = names("1.19.0", { useStandardNaming: true });
    expect([before.fernetKeySecret, after.fernetKeySecret]).toEqual(["prod-fernet-key", "prod-airflow-fernet-key"]);
    expect(byRole(after.secrets)["fernet-key"].hook).toBe("pre-install");
  });

  it("a *SecretName replaces the chart's Secret: nothing rendered, no hook", () => {
    const n = names("1.18.0", {
      fernetKeySecretName: "af-fernet",
      apiSecretKeySecretName: "af-api",
      jwtSecretName: "af-jwt",
      redis: { passwordSecretName: "af-redis" },
      data: { metadataSecretName: "af-db", brokerUrlSecretName: "af-broker" },
    });
    for (const s of n.secrets) expect({ role: s.role, renderedName: s.renderedName, hook: s.hook }).toEqual({ role: s.role, renderedName: undefined, hook: undefined });
    expect([n.fernetKeySecret, n.apiSecretKeySecret, n.jwtSecret, n.jwtSecretReferenced]).toEqual(["af-fernet", "af-api", "af-jwt", "af-jwt"]);
    expect([n.redisPasswordSecret, n.metadataSecret, n.brokerUrlSecret, n.brokerUrlSecretReferenced]).toEqual(["af-redis", "af-db", "af-broker", "af-broker"]);
    expect(n.metadataTarget).toBeUndefined();
  });

  it("1.18: webserver.enabled false stops rendering the webserver key, the env still reads it (Airflow 2)", () => {
    // secrets/webserver-secret-key-secret.yaml:23 vs _helpers.yaml:94 of 1.18.0.
    const s = byRole(names("1.18.0", { airflowVersion: "2.10.5", webserver: { enabled: false } }).secrets)["webserver-secret-key"];
    expect(s).toMatchObject({ name: "prod-webserver-secret-key", renderedName: undefined, referenced: true });
  });

  it("the broker URL Secret is rendered without Celery, but no pod reads it (redis-secrets.yaml:55, _helpers.yaml:101,119 of 1.16.0)", () => {
    const n = names("1.16.0", { executor: "KubernetesExecutor" });
    expect(byRole(n.secrets)["broker-url"]).toMatchObject({ renderedName: "prod-broker-url", referenced: false });
    expect(n.brokerUrlSecretReferenced).toBeUndefined();
    expect(n.brokerUrlSecret).toBe("prod-broker-url");
  });

  it.each([
    // result-backend-connection-secret.yaml:23-25 and _helpers.yaml:101-102 (1.16.0): Celery and (Airflow < 2.4 or a
    // result backend connection or Secret name).
    [{ airflowVersion: "2.3.4" }, "prod-result-backend", true],
    [{ data: { resultBackendConnection: { host: "rb.db", user: "u", pass: "p" } } }, "prod-result-backend", true],
    [{}, undefined, false],
    [{ data: { resultBackendSecretName: "af-rb" } }, "af-rb", false],
    [{ airflowVersion: "2.3.4", executor: "KubernetesExecutor" }, undefined, false],
  ])("result backend with %j → %s", (values, name, rendered) => {
    const n = names("1.16.0", values);
    expect(n.resultBackendSecret).toBe(name);
    expect(Boolean(byRole(n.secrets)["result-backend"]?.renderedName)).toBe(rendered);
  });
});

describe("PgBouncer", () => {
  it("1.19 + useStandardNaming: Secrets, workload, Service and the metadata connection target", () => {
    const n = names("1.19.0", { useStandardNaming: true, pgbouncer: { enabled: true } });
    // _helpers.yaml:448 and :456; pgbouncer-config-secret.yaml:23 renders pgbouncer.ini + users.txt (:43-44).
    const s = byRole(n.secrets);
    expect(s["pgbouncer-config"]).toMatchObject({ name: "prod-airflow-pgbouncer-config", keys: ["pgbouncer.ini", "users.txt"] });
    expect(s["pgbouncer-stats"]).toMatchObject({ name: "prod-airflow-pgbouncer-stats", keys: ["connection"] });
    expect(n.workloads.pgbouncer).toEqual({ kind: "Deployment", name: "prod-airflow-pgbouncer" });
    expect(n.services.pgbouncer).toBe("prod-airflow-pgbouncer");
    expect(n.serviceAccounts.pgbouncer).toBe("prod-airflow-pgbouncer");
    // metadata-connection-secret.yaml:26,29,31: <fullname>-pgbouncer.<ns>, ports.pgbouncer, <release>-metadata.
    expect(n.metadataTarget).toEqual({ host: "prod-airflow-pgbouncer.airflow", port: "6543", database: "prod-metadata", viaPgbouncer: true });
  });

  it("user-provided PgBouncer Secrets and stats key (pgbouncer-deployment.yaml:169-173 of 1.16.0)", () => {
    const n = names("1.16.0", {
      pgbouncer: { enabled: true, configSecretName: "pgb-cfg", metricsExporterSidecar: { statsSecretName: "pgb-stats", statsSecretKey: "url" } },
    });
    const s = byRole(n.secrets);
    expect(s["pgbouncer-config"]).toMatchObject({ name: "pgb-cfg", renderedName: undefined });
    expect(s["pgbouncer-stats"]).toMatchObject({ name: "pgb-stats", renderedName: undefined, keys: ["url"] });
    expect([n.pgbouncerConfigSecret, n.pgbouncerStatsSecret]).toEqual(["pgb-cfg", "pgb-stats"]);
  });

  it("without PgBouncer the chart-built connection goes to metadataConnection.host or the bundled database", () => {
    // metadata-connection-secret.yaml:24-25: postgresql.nameOverride is used as the host as it is.
    expect(names("1.18.0", {}).metadataTarget).toEqual({ host: "prod-postgresql.airflow", port: "5432", database: "postgres", viaPgbouncer: false });
    expect(names("1.18.0", { postgresql: { nameOverride: "pg" } }).metadataTarget?.host).toBe("pg");
    const external = names("1.18.0", { data: { metadataConnection: { host: "db.example.net", port: 6432, db: "airflow" } } });
    expect(external.metadataTarget).toEqual({ host: "db.example.net", port: "6432", database: "airflow", viaPgbouncer: false });
  });
});

describe("git-sync Secrets", () => {
  it.each([
    // git-ssh-key-secret.yaml:20 (1.16.0): rendered only with git-sync and an inline sshKey; _helpers.yaml:457 name.
    [{ enabled: true, sshKey: "-----BEGIN OPENSSH PRIVATE KEY-----" }, { role: "git-ssh-key", name: "prod-airflow-ssh-secret", renderedName: "prod-airflow-ssh-secret" }],
    [{ enabled: true, sshKeySecret: "git-key" }, { role: "git-ssh-key", name: "git-key", renderedName: undefined }],
    // _helpers.yaml:244-264: credentialsSecret (only without SSH) feeds four required secretKeyRefs.
    [{ enabled: true, credentialsSecret: "git-creds" }, { role: "git-credentials", name: "git-creds", keys: ["GIT_SYNC_USERNAME", "GITSYNC_USERNAME", "GIT_SYNC_PASSWORD", "GITSYNC_PASSWORD"] }],
    [{ enabled: false, sshKey: "x" }, undefined],
  ])("%j", (gitSync, expected) => {
    const n = names("1.16.0", { useStandardNaming: true, dags: { gitSync } });
    expect(n.secrets.find((s) => s.role.startsWith("git-"))).toEqual(expected === undefined ? undefined : expect.objectContaining(expected));
  });
});

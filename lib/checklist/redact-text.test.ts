import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import {
  credentialsIn,
  cutYamlExcerpts,
  hideSecretOrigins,
  redactPatterns,
  stripCredentialParams,
  stripUrlUserinfo,
} from "./redact-text";

const GH_TOKEN = "ghp_16C7e42F292c6912E7710c838347Ae178B4a";

describe("stripUrlUserinfo", () => {
  it.each([
    [
      "git-sync pulls https://x-access-token:" + GH_TOKEN + "@github.com/acme/airflow-dags.git",
      "git-sync pulls https://github.com/acme/airflow-dags.git",
    ],
    ["https://" + GH_TOKEN + "@github.com/acme/airflow-dags.git", "https://github.com/acme/airflow-dags.git"],
    [
      "https://oauth2:glpat-xN3vP8qL2mR7sT1wY4zA@gitlab.example.com/data/dags.git",
      "https://gitlab.example.com/data/dags.git",
    ],
    [
      "postgresql+psycopg2://airflow:Tr0ub4dor%263@airflow-db.prod.internal:5432/airflow?sslmode=require",
      "postgresql+psycopg2://airflow-db.prod.internal:5432/airflow?sslmode=require",
    ],
    ["redis://:Zq8vN2pL5tR1@airflow-redis:6379/0", "redis://airflow-redis:6379/0"],
    // A raw "@" inside the password (invalid, but people write it): nothing of the password may remain.
    ["postgresql://airflow:p@ss@w0rd@db.internal:5432/airflow", "postgresql://db.internal:5432/airflow"],
    ["amqp://guest:guest@rabbitmq:5672//", "amqp://rabbitmq:5672//"],
    // URL-encoded inside another URL (e.g. a redirect parameter).
    ["https%3A%2F%2Fairflow%3AS3cr3t%40db.internal%2Fairflow", "https%3A%2F%2Fdb.internal%2Fairflow"],
    // SSH: a user without a password is an account name and stays; with a password it goes.
    ["ssh://git@github.com/acme/airflow-dags.git", "ssh://git@github.com/acme/airflow-dags.git"],
    ["ssh://deploy:hunter22@git.internal/acme/dags.git", "ssh://git.internal/acme/dags.git"],
    ["git@github.com:acme/airflow-dags.git", "git@github.com:acme/airflow-dags.git"],
    // No userinfo: untouched (an "@" later in the path is not userinfo).
    ["https://registry.npmjs.org/@acme/dags-lib", "https://registry.npmjs.org/@acme/dags-lib"],
    ["s3://acme-airflow-logs/production", "s3://acme-airflow-logs/production"],
  ])("%s", (input, expected) => {
    expect(stripUrlUserinfo(input)).toBe(expected);
  });
});

describe("stripCredentialParams", () => {
  it.each([
    [
      "host=airflow-db.prod.internal port=5432 dbname=airflow user=airflow password=Tr0ub4dor&3 sslmode=require",
      "host=airflow-db.prod.internal port=5432 dbname=airflow user=airflow password=*** sslmode=require",
    ],
    [
      "host=db user=airflow password='correct horse battery' sslmode=verify-full",
      "host=db user=airflow password=*** sslmode=verify-full",
    ],
    [
      "Driver={ODBC Driver 18 for SQL Server};Server=tcp:sql.example.net,1433;Uid=airflow;Pwd=Xk9#mQ2v;Encrypt=yes",
      "Driver={ODBC Driver 18 for SQL Server};Server=tcp:sql.example.net,1433;Uid=airflow;Pwd=***;Encrypt=yes",
    ],
    [
      "DefaultEndpointsProtocol=https;AccountName=acmelogs;AccountKey=q1w2e3r4t5y6u7i8o9p0lkjhgfdsazxcvbnm==;EndpointSuffix=core.windows.net",
      "DefaultEndpointsProtocol=https;AccountName=acmelogs;AccountKey=***;EndpointSuffix=core.windows.net",
    ],
    [
      "https://acmelogs.blob.core.windows.net/airflow?sv=2022-11-02&ss=b&sp=rwl&sig=Rk3%2Bv9QmZ0aXq1u%3D",
      "https://acmelogs.blob.core.windows.net/airflow?sv=2022-11-02&ss=b&sp=rwl&sig=***",
    ],
    [
      "postgresql://db/airflow?sslmode=require&connect_timeout=10",
      "postgresql://db/airflow?sslmode=require&connect_timeout=10",
    ],
  ])("%s", (input, expected) => {
    expect(stripCredentialParams(input)).toBe(expected);
  });
});

describe("credentialsIn", () => {
  it.each([
    ["https://x-access-token:" + GH_TOKEN + "@github.com/acme/dags.git", [GH_TOKEN]],
    ["https://" + GH_TOKEN + "@github.com/acme/dags.git", [GH_TOKEN]],
    ["postgresql://airflow:Tr0ub4dor%263@db:5432/airflow", ["Tr0ub4dor%263", "Tr0ub4dor&3"]],
    ["ssh://git@github.com/acme/dags.git", []],
    ["host=db user=airflow password='correct horse battery'", ["correct horse battery"]],
    ["s3://acme-airflow-logs/production", []],
  ])("%s", (input, expected) => {
    expect(credentialsIn(input)).toEqual(expected);
  });
});

describe("cutYamlExcerpts", () => {
  // The real message of the `yaml` package for a broken values.yaml (values.ts quotes it in a problem).
  const broken =
    "dags:\n  gitSync:\n    repo: https://x-access-token:" + GH_TOKEN + "@github.com/acme/dags.git\n  - bad\n";
  let message = "";
  try {
    parseYaml(broken);
  } catch (e) {
    message = (e as Error).message;
  }

  it("drops the quoted source lines and keeps the position", () => {
    expect(message).toContain(GH_TOKEN); // the excerpt really quotes the Secret's text
    const text = `Secret 'airflow-values' key 'values.yaml' is not a YAML map: ${message}`;
    const cut = cutYamlExcerpts(text);
    expect(cut).not.toContain(GH_TOKEN);
    expect(cut).toMatch(
      /^Secret 'airflow-values' key 'values.yaml' is not a YAML map: .+ at line 4, column 1 \(source excerpt not shown\)$/,
    );
  });

  it("leaves other text alone", () => {
    expect(cutYamlExcerpts("ConfigMap 'airflow-values' referenced in valuesFrom was not found")).toBe(
      "ConfigMap 'airflow-values' referenced in valuesFrom was not found",
    );
  });
});

describe("hideSecretOrigins", () => {
  it.each([
    // lib/checklist/checks/outcome.ts `shown`: "`path` = <display> (<origin>)"
    [
      '`dags.gitSync.repo` = "https://x-access-token:' +
        GH_TOKEN +
        '@github.com/acme/dags.git" (Secret/airflow-values)',
      "`dags.gitSync.repo` = (from Secret airflow-values, not shown)",
    ],
    [
      '`dags.gitSync.branch` = "main" (Secret/airflow-values (values.yaml))',
      "`dags.gitSync.branch` = (from Secret airflow-values, not shown)",
    ],
    [
      '`dags.gitSync.repo` = "https://github.com/acme/dags.git" (Secret/git-creds (repo) → dags.gitSync.repo)',
      "`dags.gitSync.repo` = (from Secret git-creds, not shown)",
    ],
    [
      '`dags.gitSync.branch` = "release-\\"7\\"" (Secret/airflow-values)',
      "`dags.gitSync.branch` = (from Secret airflow-values, not shown)",
    ],
    [
      "`scheduler.replicas` = 2 (Secret/airflow-values)",
      "`scheduler.replicas` = (from Secret airflow-values, not shown)",
    ],
    // A Secret *name* from a values Secret is a reference, not a secret.
    [
      '`data.metadataSecretName` = "airflow-metadata" (Secret/airflow-values)',
      '`data.metadataSecretName` = "airflow-metadata" (Secret/airflow-values)',
    ],
    // Other origins are shown as before.
    [
      '`dags.gitSync.subPath` = "dags" (ConfigMap/airflow-values)',
      '`dags.gitSync.subPath` = "dags" (ConfigMap/airflow-values)',
    ],
    // part-3-logging.ts settingEvidence
    [
      '[logging] remote_log_conn_id = "aws_logs" — values config.logging.remote_log_conn_id (Secret/airflow-values)',
      "[logging] remote_log_conn_id = (from Secret airflow-values, not shown) — values config.logging.remote_log_conn_id (Secret/airflow-values)",
    ],
    [
      '[logging] remote_log_conn_id = "aws_logs" — values config.logging.remote_log_conn_id (spec.values)',
      '[logging] remote_log_conn_id = "aws_logs" — values config.logging.remote_log_conn_id (spec.values)',
    ],
    // part-6-ha.ts PDB message
    [
      "No PodDisruptionBudget for the scheduler (`scheduler.podDisruptionBudget.enabled` is false, Secret/airflow-values)",
      "No PodDisruptionBudget for the scheduler (`scheduler.podDisruptionBudget.enabled` is (from Secret airflow-values, not shown), Secret/airflow-values)",
    ],
  ])("%s", (input, expected) => {
    expect(hideSecretOrigins(input)).toBe(expected);
  });
});

describe("redactPatterns", () => {
  it("is idempotent", () => {
    const text = `git-sync pulls https://x-access-token:${GH_TOKEN}@github.com/acme/dags.git; password=hunter22`;
    const once = redactPatterns(text);
    expect(once).toBe("git-sync pulls https://github.com/acme/dags.git; password=***");
    expect(redactPatterns(once)).toBe(once);
  });
});

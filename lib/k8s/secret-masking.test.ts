import { describe, expect, it } from "vitest";
import { base64Cores, maskedForms, referencedSecrets, secretMasker, secretReferences, urlPasswords } from "./secret-masking";

const pod = {
  apiVersion: "v1",
  kind: "Pod",
  metadata: { name: "airflow-scheduler-7d9f8b6c5d-x2k4p", namespace: "airflow" },
  spec: {
    initContainers: [{ name: "wait-for-airflow-migrations", env: [{ name: "AIRFLOW__DATABASE__SQL_ALCHEMY_CONN", valueFrom: { secretKeyRef: { name: "airflow-metadata", key: "connection" } } }] }],
    containers: [
      {
        name: "scheduler",
        env: [
          { name: "AIRFLOW__CORE__FERNET_KEY", valueFrom: { secretKeyRef: { name: "airflow-fernet-key", key: "fernet-key" } } },
          { name: "PLAIN", value: "x" },
        ],
        envFrom: [{ secretRef: { name: "airflow-extra-env" } }, { configMapRef: { name: "cm" } }],
      },
      { name: "git-sync", env: [] },
    ],
    volumes: [
      { name: "git-sync-ssh-key", secret: { secretName: "airflow-git-ssh" } },
      { name: "config", configMap: { name: "airflow-airflow-config" } },
      { name: "projected", projected: { sources: [{ secret: { name: "airflow-jwt-secret" } }, { configMap: { name: "x" } }] } },
    ],
  },
};

describe("referencedSecrets", () => {
  it("finds env, envFrom, volume and projected Secret references (init containers too)", () => {
    expect(referencedSecrets(pod as never).sort()).toEqual(
      ["airflow-extra-env", "airflow-fernet-key", "airflow-git-ssh", "airflow-jwt-secret", "airflow-metadata"].sort(),
    );
  });
  it("returns nothing for a pod without spec", () => {
    expect(referencedSecrets({ apiVersion: "v1", kind: "Pod", metadata: { name: "p" } })).toEqual([]);
  });
});

describe("secretMasker", () => {
  it.each([
    { values: ["s3cr3t-value"], line: "connecting with s3cr3t-value now", want: "connecting with •••••• now" },
    { values: ["abc"], line: "abc is too short to mask", want: "abc is too short to mask" },
    { values: ["longer-secret", "longer"], line: "longer-secret", want: "••••••" },
    { values: [], line: "nothing to mask", want: "nothing to mask" },
  ])("$line", ({ values, line, want }) => {
    expect(secretMasker(values)(line)).toBe(want);
  });
});

describe("urlPasswords", () => {
  it("extracts the password of a connection URL", () => {
    expect(urlPasswords("postgresql://airflow:p%40ss-w0rd@db.internal:5432/airflow?sslmode=require")).toEqual(["p@ss-w0rd"]);
    expect(urlPasswords("no url here")).toEqual([]);
  });
});

describe("secretReferences", () => {
  it("marks a Secret optional only when every reference to it is optional", () => {
    const p = {
      apiVersion: "v1",
      kind: "Pod",
      metadata: { name: "p", namespace: "airflow" },
      spec: {
        containers: [{ name: "c", env: [{ name: "A", valueFrom: { secretKeyRef: { name: "opt", key: "k", optional: true } } }, { name: "B", valueFrom: { secretKeyRef: { name: "both", key: "k", optional: true } } }] }],
        volumes: [{ name: "v", secret: { secretName: "both" } }],
      },
    };
    expect(secretReferences(p as never)).toEqual([
      { name: "opt", optional: true },
      { name: "both", optional: false },
    ]);
  });
});

// What the masker must catch when a program prints a Secret value in another form. The values are shaped like the
// demo's Secrets: a metadata connection URL (charts/airflow/1.18.0/templates/secrets/metadata-connection-secret.yaml
// renders `postgresql://user:pass@host:port/db?sslmode=…`), a git token, a Fernet key list `new,old`.
describe("maskedForms: encodings of a value in a log line", () => {
  const password = "Tr0ub4dor&3 x/y\"z";
  const url = `postgresql://airflow:${encodeURIComponent(password)}@airflow-db.prod.internal:5432/airflow?sslmode=require`;
  const token = "ghp_3kT9xVq2LmN8rB4wZ7yH1cJ6dF0sA5eG";
  const mask = secretMasker(maskedForms([url, token, "new-fernet-key-AAAA=,old-fernet-key-BBBB="]));
  it.each([
    { form: "verbatim", line: `token=${token}` },
    { form: "a piece of a list", line: "loaded key old-fernet-key-BBBB=" },
    { form: "the URL's password", line: `password=${password}` },
    { form: "base64", line: `Authorization: Basic ${Buffer.from(`x-access-token:${token}`).toString("base64")}` },
    { form: "base64 at another alignment", line: `data: ${Buffer.from(`ab${token}cd`).toString("base64")}` },
    { form: "URL-safe base64", line: `state=${Buffer.from(`\u00ff${token}`).toString("base64url")}` },
    { form: "URL-encoded", line: `GET /cb?pw=${encodeURIComponent(password)}` },
    { form: "URL-encoded, lower-case escapes", line: `pw=${encodeURIComponent(password).replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase())}` },
    { form: "form-encoded", line: `pw=${encodeURIComponent(password).replace(/%20/g, "+")}` },
    { form: "JSON-escaped", line: JSON.stringify({ msg: "connect", password }) },
  ])("$form", ({ line }) => {
    const out = mask(line);
    expect(out).toContain("••••••");
    for (const secret of [token, password, "old-fernet-key-BBBB="]) expect(out).not.toContain(secret);
    expect(out).not.toContain(Buffer.from(token).toString("base64").slice(4, 20));
    expect(out).not.toContain(encodeURIComponent(password));
    expect(out).not.toContain(JSON.stringify(password).slice(1, -1));
  });

  it("leaves ordinary text alone", () => {
    expect(mask("scheduler heartbeat ok; 12 tasks queued")).toBe("scheduler heartbeat ok; 12 tasks queued");
  });

  it("base64 cores do not depend on the surrounding bytes", () => {
    const cores = base64Cores(token);
    for (const [before, after] of [["", ""], ["a", "b"], ["ab", "!"], ["xyz", "??"]]) {
      const enc = Buffer.from(`${before}${token}${after}`).toString("base64");
      expect(cores.some((c) => enc.includes(c))).toBe(true);
    }
  });
});

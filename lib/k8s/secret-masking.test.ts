import { describe, expect, it } from "vitest";
import { referencedSecrets, secretMasker, urlPasswords } from "./secret-masking";

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

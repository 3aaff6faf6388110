import { describe, expect, it } from "vitest";
import type { KubeObject } from "@/lib/kinds/object";
import { summary } from "./fixtures/summaries";
import { parseInventoryEntry } from "./inventory";
import { containerNames, restartsOf } from "./pods";

describe("restartsOf", () => {
  it.each([
    [["restarted 3 times"], 3],
    [["last terminated: Error, exit code 1", "restarted 1 time"], 1],
    [[], 0],
    [undefined, 0],
  ])("%j → %d", (extra, n) => {
    const p = summary("pods", "airflow", "scheduler-0", "Degraded");
    expect(restartsOf({ ...p, health: { ...p.health, extra } })).toBe(n);
  });

  it("prefers the summary's restarts field", () => {
    const p = summary("pods", "airflow", "scheduler-0", "Degraded");
    expect(restartsOf({ ...p, restarts: 7, health: { ...p.health, extra: ["restarted 3 times"] } })).toBe(7);
  });
});

describe("containerNames", () => {
  const meta = { name: "x", namespace: "airflow" };
  it.each<[string, KubeObject, { containers: string[]; initContainers: string[] }]>([
    [
      "pod",
      { apiVersion: "v1", kind: "Pod", metadata: meta, spec: { containers: [{ name: "scheduler" }, { name: "log-groomer" }], initContainers: [{ name: "wait-for-db" }] } },
      { containers: ["scheduler", "log-groomer"], initContainers: ["wait-for-db"] },
    ],
    [
      "deployment",
      { apiVersion: "apps/v1", kind: "Deployment", metadata: meta, spec: { template: { spec: { containers: [{ name: "webserver" }] } } } },
      { containers: ["webserver"], initContainers: [] },
    ],
    [
      "cronjob",
      { apiVersion: "batch/v1", kind: "CronJob", metadata: meta, spec: { jobTemplate: { spec: { template: { spec: { containers: [{ name: "cleanup" }] } } } } } },
      { containers: ["cleanup"], initContainers: [] },
    ],
    ["helmrelease", { apiVersion: "v2", kind: "HelmRelease", metadata: meta, spec: { chart: {} } }, { containers: [], initContainers: [] }],
  ])("%s", (_, obj, expected) => {
    expect(containerNames(obj)).toEqual(expected);
  });
});

describe("parseInventoryEntry", () => {
  it.each([
    ["airflow_airflow-webserver_apps_Deployment", { namespace: "airflow", name: "airflow-webserver", group: "apps", kind: "Deployment" }],
    ["_airflow__Namespace", { namespace: null, name: "airflow", group: "", kind: "Namespace" }],
    ["airflow_airflow-metadata__Secret", { namespace: "airflow", name: "airflow-metadata", group: "", kind: "Secret" }],
    ["Deployment/airflow/web", { namespace: "airflow", name: "web", group: "", kind: "Deployment" }],
    ["Namespace/airflow", { namespace: null, name: "airflow", group: "", kind: "Namespace" }],
    ["garbage", null],
  ])("%s", (entry, ref) => expect(parseInventoryEntry(entry)).toEqual(ref));
});

// The checklist judges releases by the real chart and by what Helm deployed (issue 19), on the demo's etl/etl
// release: chart 1.16.0 with Airflow 3 (charts/airflow/1.16.0 has no jwt-secret.yaml and no api-secret-key-secret.yaml
// under templates/secrets/; Airflow 3 pods read the webserver secret key there), then values the chart's
// values.schema.json refuses (seed 002's list-typed extraEnv: 1.16.0/values.schema.json "extraEnv" is type string).
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { ChecklistView } from "@/lib/checklist-service/api-types";
import { kubectl } from "../support/demo-kubectl";
import { eventually, signIn, type Session } from "./harness";

const BASE = "/api/v1/clusters/demo/checklists/etl/etl";

async function view(s: Session): Promise<ChecklistView> {
  const res = await s.fetch(BASE);
  expect(res.status).toBe(200);
  return (await res.json()) as ChecklistView;
}

const itemOf = (v: ChecklistView, id: string) => v.items.find((i) => i.id === id);
const patchValues = (values: Record<string, unknown>) =>
  kubectl("-n", "etl", "patch", "helmrelease", "etl", "--type", "merge", "-p", JSON.stringify({ spec: { values } }));

describe("checklist on the real chart", () => {
  afterAll(() => {
    patchValues({ extraEnv: null, scheduler: { extraEnv: null } });
  });

  it("chart 1.16 + Airflow 3: no JWT or API-secret-key item applies; the webserver key item does", async () => {
    const s = await signIn("admin");
    const v = await eventually(async () => {
      const x = await view(s);
      return x.items.some((i) => i.id === "pre.values-applied" && i.status === "pass") ? x : undefined;
    }, 60_000, 500);
    expect(itemOf(v, "secrets.jwt-secret")?.status).toBe("not-applicable");
    expect(itemOf(v, "secrets.api-secret-key")?.status).toBe("not-applicable");
    expect(itemOf(v, "secrets.webserver-secret-key")?.status).not.toBe("not-applicable");
    // Fix snippets never name a value the 1.16 chart ignores.
    for (const i of v.items) expect(i.fix?.valuesSnippet ?? "").not.toMatch(/jwtSecretName|apiSecretKeySecretName/);
  });

  it("values the chart's schema refuses: helm-controller fails the upgrade with Helm's error and the checklist says they do not run", async () => {
    const s = await signIn("admin");
    patchValues({ extraEnv: [{ name: "AIRFLOW__CORE__LOAD_EXAMPLES", value: "False" }] });
    const message = await eventually(() => {
      const conds = JSON.parse(kubectl("-n", "etl", "get", "helmrelease", "etl", "-o", "jsonpath={.status.conditions}")) as { type: string; status: string; reason: string; message: string }[];
      const ready = conds.find((c) => c.type === "Ready");
      return Promise.resolve(ready?.status === "False" && ready.reason === "UpgradeFailed" ? ready.message : undefined);
    }, 60_000, 500);
    expect(message).toMatch(/extraEnv/);
    const v = await eventually(async () => {
      const x = await view(s);
      return itemOf(x, "pre.values-applied")?.status === "fail" ? x : undefined;
    }, 60_000, 500);
    const applied = itemOf(v, "pre.values-applied")!;
    expect(applied.message).toContain("extraEnv");
    expect(JSON.stringify(applied.evidence)).toMatch(/Helm has not applied/);
    // What runs is still the deployed revision: the refused list never reaches the other checks as if applied.
    expect(JSON.stringify(v.items)).not.toContain("AIRFLOW__CORE__LOAD_EXAMPLES");
  });

  it("a release of the community chart (airflow-helm/charts, also named airflow) is 'unsupported', not judged", async () => {
    const s = await signIn("admin");
    const manifest = [
      { apiVersion: "source.toolkit.fluxcd.io/v1", kind: "HelmRepository", metadata: { name: "airflow-community", namespace: "flux-system" }, spec: { interval: "1h", url: "https://airflow-helm.github.io/charts" } },
      {
        apiVersion: "helm.toolkit.fluxcd.io/v2",
        kind: "HelmRelease",
        metadata: { name: "community", namespace: "airflow" },
        spec: { interval: "10m", chart: { spec: { chart: "airflow", version: "8.9.0", sourceRef: { kind: "HelmRepository", name: "airflow-community", namespace: "flux-system" } } } },
      },
    ];
    const dir = mkdtempSync(path.join(tmpdir(), "community-"));
    for (const [i, obj] of manifest.entries()) {
      const file = path.join(dir, `${i}.json`);
      writeFileSync(file, JSON.stringify(obj));
      kubectl("apply", "-f", file);
    }
    try {
      const v = await eventually(async () => {
        const res = await s.fetch("/api/v1/clusters/demo/checklists/airflow/community");
        return res.status === 200 ? ((await res.json()) as ChecklistView) : undefined;
      }, 30_000, 500);
      expect(v.unsupported).toMatch(/^Unsupported chart: .*community Airflow chart \(airflow-helm\/charts\)/);
      expect(v.items).toEqual([]);
      expect(v.gate).toBe("fail");
      const list = (await (await s.fetch("/api/v1/clusters/demo/checklists")).json()) as { subjects: { name: string; unsupported?: string }[] };
      expect(list.subjects.find((x) => x.name === "community")?.unsupported).toBeDefined();
      expect(list.subjects.find((x) => x.name === "etl")?.unsupported).toBeUndefined();
    } finally {
      kubectl("-n", "airflow", "delete", "helmrelease", "community", "--wait=false");
      kubectl("-n", "flux-system", "delete", "helmrepository", "airflow-community", "--wait=false");
    }
  });
});

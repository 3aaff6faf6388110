// SECURITY.md S11/S12: Secret values never leave the server. A unique canary goes into the demo cluster three
// ways — a Secret created with `kubectl apply` (so it also sits in last-applied-configuration), and the vault item
// behind the ExternalSecret `airflow-metadata` (so ESO syncs it into the Secret the Airflow pods use) — then every
// API response, object detail, pod log, 10 s of the change feed, the audit log (JSON and CSV), the rendered pages
// and the server log are searched for it, plain and base64. It must be absent everywhere.
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_DIR, demoControl, demoKubeconfig, eventually, signIn, type Session } from "./harness";
import { base64Fragments, collect, objectPaths, streamFor, type Probe } from "./security-canary-sources";

const canary = `cnry${randomBytes(12).toString("hex")}`; // letters and digits: unchanged by URL or JSON encoding
const needles = [canary, ...base64Fragments(canary)];
const b64 = (v: string) => Buffer.from(v).toString("base64");

function kubectl(args: string[], input?: string): string {
  return execFileSync("kubectl", ["--kubeconfig", demoKubeconfig, "--context", "demo-admin", ...args], { input, encoding: "utf8" });
}

function secretText(namespace: string, name: string): string {
  const data = JSON.parse(kubectl(["get", "secret", "-n", namespace, name, "-o", "json"])) as { data?: Record<string, string> };
  return Object.values(data.data ?? {}).map((v) => Buffer.from(v, "base64").toString("utf8")).join("\n");
}

const VAULT_ITEM = "airflow-postgresql";
const originalItem = { username: "airflow", password: "Tr0ub4dor&3-airflow", host: "airflow-db.prod.internal", database: "airflow" };

let admin: Session;
let operator: Session;
const probes: Probe[] = [];
let feed: Promise<Probe>;

beforeAll(async () => {
  admin = await signIn("admin");
  operator = await signIn("operator");
  feed = streamFor(admin.cookie, 10_000); // open before the canary arrives, so its changes flow through it

  const manifest = {
    apiVersion: "v1",
    kind: "Secret",
    metadata: { name: "fluxtower-canary", namespace: "airflow", annotations: { "fluxtower.test/purpose": "redaction canary" } },
    type: "Opaque",
    // `data`, not `stringData`: the demo API server (unlike a real one) does not fold stringData into data.
    data: { password: b64(canary), "config.yaml": b64(`token: ${canary}\n`) },
  };
  kubectl(["apply", "-f", "-"], JSON.stringify(manifest));
  const put = await demoControl(`/__demo/vault/onepassword/${VAULT_ITEM}`, { method: "PUT", body: JSON.stringify({ fields: { ...originalItem, password: canary } }) });
  expect(put.status).toBeLessThan(300);
  kubectl(["annotate", "--overwrite", "externalsecret", "-n", "airflow", "airflow-metadata", `force-sync=${Date.now()}`]);
  await eventually(async () => secretText("airflow", "airflow-metadata").includes(canary), 30_000, 500);
}, 60_000);

afterAll(async () => {
  kubectl(["delete", "secret", "-n", "airflow", "fluxtower-canary", "--ignore-not-found"]);
  await demoControl(`/__demo/vault/onepassword/${VAULT_ITEM}`, { method: "PUT", body: JSON.stringify({ fields: originalItem }) });
  kubectl(["annotate", "--overwrite", "externalsecret", "-n", "airflow", "airflow-metadata", `force-sync=${Date.now()}`]);
});

function leaks(): string[] {
  return probes.flatMap((p) => needles.filter((n) => p.body.includes(n)).map((n) => `${p.label} contains ${n === canary ? "the canary" : `base64 fragment ${n}`}`));
}

describe("the Secret canary", () => {
  it("is really in the cluster: in both Secrets and in kubectl's last-applied-configuration", () => {
    expect(secretText("airflow", "fluxtower-canary")).toContain(canary);
    expect(secretText("airflow", "airflow-metadata")).toContain(canary);
    expect(kubectl(["get", "secret", "-n", "airflow", "fluxtower-canary", "-o", "jsonpath={.metadata.annotations}"])).toContain(b64(canary));
  });

  it(
    "is absent from every API response, object detail, log, SSE event and page",
    async () => {
      const admins = await objectPaths(admin.fetch);
      // The app does see the canary Secret (name, keys) — so the search below covers it.
      await eventually(async () => {
        const list = (await (await admin.fetch("/api/v1/clusters/demo/resources?resource=secrets&namespace=airflow")).json()) as { items: { name: string }[] };
        return list.items.some((i) => i.name === "fluxtower-canary");
      }, 20_000);
      const again = await objectPaths(admin.fetch);
      const fixed = [
        "/api/v1/clusters",
        "/api/v1/overview",
        "/api/v1/clusters/demo/resources",
        "/api/v1/clusters/demo/resources/secrets/airflow/fluxtower-canary",
        "/api/v1/clusters/demo/resources/secrets/airflow/airflow-metadata",
        "/api/v1/clusters/demo/resources/externalsecrets/airflow/airflow-metadata",
        "/api/v1/operations",
        "/api/v1/checklists",
        "/api/v1/clusters/demo/checklists",
        "/api/v1/clusters/demo/checklists/airflow/airflow",
        "/api/v1/clusters/demo/checklists/airflow/airflow/export.json",
        "/api/v1/clusters/demo/checklists/airflow/airflow/export.md",
        "/api/v1/clusters/demo/checklists/airflow/airflow/history",
        "/api/v1/audit?limit=1000",
        "/api/v1/audit?format=csv",
        "/api/v1/session",
        "/api/v1/tokens",
        "/api/v1/clusters/demo/secrets",
        "/api/v1/clusters/demo/secrets?namespace=airflow",
        "/api/v1/rotations?limit=500",
      ];
      const paths = [...new Set([...fixed, ...admins.paths, ...again.paths])];
      const pages = [...new Set(["/", "/clusters", "/clusters/demo", "/audit", "/settings", "/operations", "/checklists", "/rotations", ...again.pages])];
      probes.push(...(await collect(admin.fetch, paths)));
      probes.push(...(await collect(operator.fetch, ["/api/v1/clusters/demo/resources/secrets/airflow/fluxtower-canary", "/api/v1/clusters/demo/resources?resource=secrets"])));
      probes.push(...(await collect(admin.fetch, pages)));
      const events = await feed;
      // The feed carried a change of a Secret that holds the canary: the canary Secret itself, or airflow-metadata
      // (ESO syncs the canary into it). On a loaded machine the stream may connect after the canary Secret's ADDED.
      expect(events.body).toMatch(/"name":"fluxtower-canary"|"kind":"Secret","apiVersion":"v1","namespace":"airflow","name":"airflow-metadata"/);
      probes.push(events);

      expect(probes.filter((p) => p.label.startsWith("200")).length).toBeGreaterThan(40);
      expect(probes.some((p) => p.label.includes("fluxtower-canary") && p.label.startsWith("200") && p.body.includes("password"))).toBe(true); // keys are shown
      expect(leaks()).toEqual([]);
    },
    120_000,
  );

  it("is absent from the server log", () => {
    const log = readFileSync(path.join(DEMO_DIR, "app.log"), "utf8");
    expect(log.length).toBeGreaterThan(0);
    for (const n of needles) expect(log.includes(n), `app.log contains ${n}`).toBe(false);
  });
});

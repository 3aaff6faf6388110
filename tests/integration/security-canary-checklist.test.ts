// SECURITY.md S11, issue 18 fix 1: the checklist reads `valuesFrom` Secrets as the app; none of their values may
// reach a user. Canaries go into the airflow/airflow HelmRelease two ways, one after the other:
//   1. a `valuesFrom` Secret holding a plain value (dags.gitSync.branch), a token in a URL's userinfo
//      (dags.gitSync.repo) and a password in a connection string (config.logging.remote_log_conn_id);
//   2. spec.values at the chart's secret paths (fernetKey, data.metadataConnection.pass) and a URL with userinfo
//      (dags.gitSync.repo).
// After the checklist monitor re-evaluated, a review is requested and approved (the sign-off snapshot), and every
// checklist response, export, the history, the reviews, the checklist pages, both SSE feeds, every database row
// and the app log are searched for the canaries, plain and base64. (The HelmRelease object itself shows its
// spec.values to whoever may `get` it, as kubectl does; it is searched only for the Secret's canaries.)
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_DIR, demoKubeconfig, eventually, signIn, type Session } from "./harness";
import { BASE, checklist, getJson, history, item, postJson, type ReviewView } from "./checklist-helpers";
import { databaseText } from "./security-canary-db";
import { base64Fragments, collect, sseFor, type Probe } from "./security-canary-sources";

const SECRET = "fluxtower-canary-values";
const canary = (tag: string) => `cnry${tag}${randomBytes(10).toString("hex")}`; // letters and digits only
const inSecret = { plain: canary("plain"), url: canary("url"), conn: canary("conn") };
const inSpec = { specPass: canary("pass"), specFernet: canary("fernet"), specUrl: canary("specurl") };
const FEED_MS = 40_000;

function kubectl(args: string[], input?: string): string {
  return execFileSync("kubectl", ["--kubeconfig", demoKubeconfig, "--context", "demo-admin", ...args], { input, encoding: "utf8" });
}

const b64 = (v: string) => Buffer.from(v).toString("base64");
let original: { values: unknown; valuesFrom?: unknown };
let admin: Session;
let operator: Session;

function needles(canaries: Record<string, string>): { name: string; needle: string }[] {
  return Object.entries(canaries).flatMap(([name, c]) => [c, ...base64Fragments(c)].map((needle) => ({ name, needle })));
}

function leaks(probes: Probe[], canaries: Record<string, string>): string[] {
  return probes.flatMap((p) =>
    needles(canaries)
      .filter((n) => p.body.includes(n.needle))
      .map((n) => `${p.label} contains the ${n.name} canary${n.needle === canaries[n.name] ? "" : ` (base64 ${n.needle})`}`),
  );
}

async function withdrawOpen(): Promise<void> {
  const open = (await checklist(admin)).signoff.review;
  if (open?.state !== "requested") return;
  await postJson(open.requestedBy === "admin" ? admin : operator, `${BASE}/reviews/${open.id}/withdraw`);
}

async function newestDigest(): Promise<string | undefined> {
  return (await history(admin)).runs[0]?.facts.valuesDigest;
}

/** Waits until the checklist monitor stored a run with other values (reading the history evaluates nothing). */
async function monitorSawValues(before: string | undefined): Promise<void> {
  await eventually(async () => {
    const now = await newestDigest();
    return now !== undefined && now !== before;
  }, 45_000, 500);
}

/** Request (operator) and approve (admin) a review: the approval stores the sign-off evidence snapshot. */
async function signOff(): Promise<Probe[]> {
  await withdrawOpen();
  const requested = await postJson<{ review: ReviewView }>(operator, `${BASE}/reviews`, { comment: "canary sign-off" });
  expect(requested.status).toBe(201);
  const id = requested.body.review.id;
  const approved = await postJson<{ review: ReviewView }>(admin, `${BASE}/reviews/${id}/approve`, { comment: "approved for the canary test" });
  expect(approved.status).toBe(200);
  const detail = await getJson<{ evidence?: { items: unknown[] }; hashVerified?: boolean }>(admin, `${BASE}/reviews/${id}`);
  expect(detail.body.evidence?.items.length).toBeGreaterThan(20); // a real snapshot was stored
  expect(detail.body.hashVerified).toBe(true);
  return [
    { label: "POST reviews (request)", body: JSON.stringify(requested.body) },
    { label: "POST reviews/approve", body: JSON.stringify(approved.body) },
  ];
}

/** Everything the checklist shows, after the change landed and a sign-off was taken. */
async function checklistSurfaces(extraPaths: string[]): Promise<Probe[]> {
  const probes = await signOff();
  const reviews = await getJson<{ reviews: ReviewView[] }>(admin, `${BASE}/reviews`);
  const evaluated = await admin.fetch(`${BASE}/evaluate`, { method: "POST", body: "{}" });
  probes.push({ label: `${evaluated.status} POST ${BASE}/evaluate`, body: await evaluated.text() });
  const paths = [
    "/api/v1/checklists",
    "/api/v1/checklists/stale",
    "/api/v1/clusters/demo/checklists",
    BASE,
    `${BASE}/export.json`,
    `${BASE}/export.md`,
    `${BASE}/history?limit=200`,
    `${BASE}/reviews`,
    ...reviews.body.reviews.map((r) => `${BASE}/reviews/${r.id}`),
    "/api/v1/audit?limit=1000",
    "/checklists",
    "/checklists/demo/airflow/airflow",
    "/checklists/demo/airflow/airflow/print",
    ...extraPaths,
  ];
  probes.push(...(await collect(admin.fetch, paths)));
  probes.push(...(await collect(operator.fetch, [BASE, `${BASE}/export.md`])));
  const db = await databaseText();
  probes.push(...Object.entries(db).map(([table, text]) => ({ label: `database table ${table}`, body: text })));
  return probes;
}

beforeAll(async () => {
  [admin, operator] = await Promise.all([signIn("admin"), signIn("operator")]);
  const hr = JSON.parse(kubectl(["get", "helmrelease", "-n", "airflow", "airflow", "-o", "json"])) as {
    spec: { values: unknown; valuesFrom?: unknown };
  };
  original = { values: hr.spec.values, valuesFrom: hr.spec.valuesFrom };
  await withdrawOpen();
});

afterAll(async () => {
  const restore = [{ op: "replace", path: "/spec/values", value: original.values }];
  kubectl(["patch", "helmrelease", "-n", "airflow", "airflow", "--type", "json", "-p", JSON.stringify(restore)]);
  const from = original.valuesFrom === undefined ? { op: "remove", path: "/spec/valuesFrom" } : { op: "replace", path: "/spec/valuesFrom", value: original.valuesFrom };
  try {
    kubectl(["patch", "helmrelease", "-n", "airflow", "airflow", "--type", "json", "-p", JSON.stringify([from])]);
  } catch {
    // valuesFrom was never added (the test stopped before)
  }
  kubectl(["delete", "secret", "-n", "airflow", SECRET, "--ignore-not-found"]);
  await withdrawOpen();
  // Let helm-controller finish the upgrade the restore started: a Helm revision landing later would turn the
  // sign-off of the next test stale for the wrong reason.
  await eventually(async () => {
    const hr = JSON.parse(kubectl(["get", "helmrelease", "-n", "airflow", "airflow", "-o", "json"])) as {
      metadata: { generation?: number };
      status?: { observedGeneration?: number; conditions?: { type: string; status: string }[] };
    };
    const ready = hr.status?.conditions?.find((c) => c.type === "Ready")?.status === "True";
    return ready && hr.status?.observedGeneration === hr.metadata.generation;
  }, 60_000, 500);
}, 90_000);

describe("checklist canaries", () => {
  it(
    "a valuesFrom Secret's values (plain, URL userinfo, connection string) appear in no checklist surface, row or feed",
    async () => {
      const values = [
        "dags:",
        "  gitSync:",
        `    repo: https://x-access-token:${inSecret.url}@github.com/acme/airflow-dags.git`,
        `    branch: ${inSecret.plain}`,
        "config:",
        "  logging:",
        `    remote_log_conn_id: "host=airflow-db.prod.internal port=5432 dbname=airflow user=airflow password=${inSecret.conn} sslmode=require"`,
        "",
      ].join("\n");
      const manifest = { apiVersion: "v1", kind: "Secret", metadata: { name: SECRET, namespace: "airflow" }, type: "Opaque", data: { "values.yaml": b64(values) } };
      const feeds = [sseFor(admin.cookie, "/api/v1/checklists/stream?cluster=demo", FEED_MS), sseFor(admin.cookie, "/api/v1/stream?cluster=demo", FEED_MS)];
      const before = await newestDigest();
      kubectl(["apply", "-f", "-"], JSON.stringify(manifest));
      // The Secret's keys win only where spec.values does not set them.
      const patch = {
        spec: {
          valuesFrom: [{ kind: "Secret", name: SECRET }],
          values: { dags: { gitSync: { repo: null, branch: null } }, config: { logging: { remote_log_conn_id: null } } },
        },
      };
      kubectl(["patch", "helmrelease", "-n", "airflow", "airflow", "--type", "merge", "-p", JSON.stringify(patch)]);
      await monitorSawValues(before);

      // The values really are in effect: the evidence is about the Secret (named, before and after the fix).
      const view = await checklist(admin);
      expect(JSON.stringify(item(view, "gitsync.enabled").evidence)).toContain(SECRET);
      expect(JSON.stringify(item(view, "logging.remote-conn-id").evidence)).toContain(SECRET);

      const probes = await checklistSurfaces([
        "/api/v1/clusters/demo/resources/helmreleases/airflow/airflow",
        `/api/v1/clusters/demo/resources/secrets/airflow/${SECRET}`,
        "/clusters/demo/helmreleases/airflow/airflow",
      ]);
      probes.push(...(await Promise.all(feeds)));
      expect(probes.find((p) => p.label.startsWith("SSE /api/v1/checklists/stream"))?.body).toContain("event: checklist");
      expect(probes.filter((p) => p.label.startsWith("200")).length).toBeGreaterThan(15);
      expect(leaks(probes, inSecret)).toEqual([]);
    },
    150_000,
  );

  it(
    "spec.values at secret paths (fernetKey, data.metadataConnection.pass, a URL with userinfo) appear in no checklist surface, row or feed",
    async () => {
      const feeds = [sseFor(admin.cookie, "/api/v1/checklists/stream?cluster=demo", FEED_MS)];
      const before = await newestDigest();
      const patch = {
        spec: {
          values: {
            fernetKey: inSpec.specFernet,
            data: { metadataConnection: { user: "airflow", pass: inSpec.specPass, host: "airflow-db.prod.internal", db: "airflow" } },
            dags: { gitSync: { repo: `https://x-access-token:${inSpec.specUrl}@github.com/acme/airflow-dags.git` } },
          },
        },
      };
      kubectl(["patch", "helmrelease", "-n", "airflow", "airflow", "--type", "merge", "-p", JSON.stringify(patch)]);
      await monitorSawValues(before);
      expect(item(await checklist(admin), "gitsync.enabled").message).toMatch(/^git-sync pulls https:\/\/.*github\.com\/acme\/airflow-dags\.git$/);

      const probes = await checklistSurfaces([]);
      probes.push(...(await Promise.all(feeds)));
      expect(leaks(probes, { ...inSpec, ...inSecret })).toEqual([]);
    },
    150_000,
  );

  it("none of them is in the app log", () => {
    const log = readFileSync(path.join(DEMO_DIR, "app.log"), "utf8");
    expect(log.length).toBeGreaterThan(0);
    expect(leaks([{ label: "app.log", body: log }], { ...inSecret, ...inSpec })).toEqual([]);
  });
});

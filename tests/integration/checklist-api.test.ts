// The checklist API on the demo cluster's `airflow` scenario: shapes for CI gates, the seeded gaps with their fix
// hints, visibility, history rows with verifiable hashes, re-evaluate now, and the CHECKLIST.md / JSON exports.
import { beforeAll, describe, expect, it } from "vitest";
import type { ChecklistListResponse, ChecklistView } from "@/lib/checklist-service/api-types";
import { appFetch, signIn, type Session } from "./harness";
import {
  BASE,
  CLUSTER,
  checklist,
  getJson,
  history,
  item,
  postJson,
  waitForStatus,
  type ErrorBody,
} from "./checklist-helpers";

let viewer: Session;
let operator: Session;

beforeAll(async () => {
  viewer = await signIn("viewer");
  operator = await signIn("operator");
  // The scenario settles within seconds; wait until the workloads are up.
  await waitForStatus(viewer, "post.pods-ready", ["pass"], 60_000);
});

describe("checklist API", () => {
  it("requires a session", async () => {
    expect((await appFetch(BASE)).status).toBe(401);
    expect((await appFetch(`/api/v1/clusters/${CLUSTER}/checklists`)).status).toBe(401);
  });

  it("lists the cluster's Airflow releases with gate, score and sign-off state", async () => {
    const r = await getJson<ChecklistListResponse>(viewer, `/api/v1/clusters/${CLUSTER}/checklists`);
    expect(r.status).toBe(200);
    const subject = r.body.subjects.find((s) => s.namespace === "airflow" && s.name === "airflow");
    expect(subject).toMatchObject({ cluster: CLUSTER, releaseName: "airflow", airflowMajor: 3, gate: "fail" });
    expect(subject?.chartVersion).toMatch(/^1\.19\./); // the scenario's airflow/airflow runs chart 1.19.0
    expect(subject?.score).toBeGreaterThan(0);
    expect(["none", "requested", "approved", "rejected", "stale", "expired"]).toContain(subject?.signoff.state);
    // Grafana is a HelmRelease, but not of the airflow chart.
    expect(r.body.subjects.some((s) => s.name === "grafana")).toBe(false);
    const all = await getJson<ChecklistListResponse>(viewer, "/api/v1/checklists");
    expect(all.body.subjects.some((s) => s.cluster === CLUSTER && s.name === "airflow")).toBe(true);
  });

  it("GET one release has the CI-gate shape", async () => {
    const view = await checklist(viewer);
    expect(view.release).toMatchObject({ namespace: "airflow", name: "airflow", airflowMajor: 3 });
    expect(["pass", "fail"]).toContain(view.gate);
    expect(typeof view.score).toBe("number");
    expect(view.signoff.state).toMatch(/^(none|requested|approved|rejected|stale|expired)$/);
    expect(view.items.length).toBeGreaterThan(40);
    for (const i of view.items) {
      expect(Object.keys(i)).toEqual(
        expect.arrayContaining(["id", "part", "title", "mode", "status", "blocking", "evidence"]),
      );
      expect([
        "pass",
        "fail",
        "warn",
        "needs-attestation",
        "not-applicable",
        "attested",
        "waived",
        "expired",
      ]).toContain(i.status);
    }
    expect(view.permissions).toMatchObject({ attest: false, approve: false, requestReview: false });
  });

  it("shows the seeded gaps as failures with the exact values fix", async () => {
    const view = await checklist(operator);
    const scheduler = item(view, "ha.scheduler-replicas");
    if (scheduler.status === "fail") {
      expect(scheduler.fix?.valuesSnippet).toBe("scheduler:\n  replicas: 2\n");
      expect(
        scheduler.evidence.some((e) => e.ref?.resource === "deployments" && e.ref.name === "airflow-scheduler"),
      ).toBe(true);
    }
    const pgb = item(view, "pgbouncer.enabled");
    expect(["fail", "waived", "expired"]).toContain(pgb.status);
    expect(pgb.blocking).toBe(true);
    if (pgb.status === "fail") expect(pgb.fix?.valuesSnippet).toContain("pgbouncer:\n  enabled: true");
    const pdb = item(view, "ha.api-server-pdb");
    if (pdb.status === "fail") expect(pdb.fix?.valuesSnippet).toContain("podDisruptionBudget:\n    enabled: true");
    expect(item(view, "db.tls-required").status).toBe("pass");
    expect(view.permissions).toMatchObject({ attest: true, requestReview: true, approve: false, self: "operator" });
  });

  it("404 for a HelmRelease that is not an Airflow release, a missing one, and a bad name → 400", async () => {
    const grafana = await getJson<ErrorBody>(viewer, `/api/v1/clusters/${CLUSTER}/checklists/monitoring/grafana`);
    expect(grafana.status).toBe(404);
    const missing = await getJson<ErrorBody>(viewer, `/api/v1/clusters/${CLUSTER}/checklists/airflow/nope`);
    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toMatch(/not visible|No Airflow/);
    const bad = await getJson<ErrorBody>(viewer, `/api/v1/clusters/${CLUSTER}/checklists/Airflow_/x`);
    expect(bad.status).toBe(400);
    expect((await getJson<ErrorBody>(viewer, `/api/v1/clusters/nope/checklists`)).status).toBe(404);
  });

  it("re-evaluate now stores a run; every run's hash verifies and consecutive runs say what changed", async () => {
    const before = (await history(viewer)).runs.length;
    const r = await postJson<ChecklistView & { stored: boolean }>(viewer, `${BASE}/evaluate`);
    expect(r.status).toBe(200);
    expect(r.body.stored).toBe(true);
    const h = await history(viewer);
    expect(h.runs.length).toBe(before + 1);
    expect(h.runs[0].trigger).toBe("manual");
    expect(h.runs.every((run) => run.hashVerified)).toBe(true);
    expect(h.runs[0].facts.valuesDigest).toMatch(/^sha256:/);
    for (const run of h.runs) expect(["pass", "fail"]).toContain(run.gate);
    // A plain GET with an unchanged result does not add a run (dedupe).
    await checklist(viewer);
    const after = await history(viewer);
    expect(after.runs[0].id).toBe(h.runs[0].id);
  });

  it("re-evaluate refuses a form post (415) and a cross-site request (403)", async () => {
    const form = await viewer.fetch(`${BASE}/evaluate`, {
      method: "POST",
      body: "a=1",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(form.status).toBe(415);
    const cross = await viewer.fetch(`${BASE}/evaluate`, {
      method: "POST",
      headers: { origin: "https://evil.example" },
    });
    expect(cross.status).toBe(403);
  });

  it("exports a filled CHECKLIST.md in the seed's template shape", async () => {
    const res = await viewer.fetch(`${BASE}/export.md`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/markdown");
    expect(res.headers.get("content-disposition")).toMatch(/attachment; filename="CHECKLIST-demo-airflow-airflow\.md"/);
    const md = await res.text();
    for (const heading of [
      "# Production Deployment Checklist",
      "## Pre-Deployment",
      "## Database",
      "## DAG Synchronization",
      "## Logging",
      "## Connection Pooling",
      "## Secrets",
      "## High Availability",
      "## Monitoring",
      "## Post-Deployment Verification",
      "## Item Results",
      "## Sign-off",
    ]) {
      expect(md).toContain(heading);
    }
    expect(md).toContain("- [x] Repository: git@github.com:acme/airflow-dags.git");
    expect(md).toContain("- [x] Branch: main");
    expect(md).toContain("Sync interval: 60 seconds");
    expect(md).toMatch(/- \[x\] SSL enabled: Yes/);
    expect(md).toMatch(/Bucket: acme-airflow-logs/);
    expect(md).toMatch(/\| airflow-metadata \| DB connection \|/);
    expect(md).toContain("`ha.scheduler-replicas` v1");
    // No Secret value leaks into the export.
    expect(md).not.toContain("Tr0ub4dor");
    expect(md).not.toContain("Sl9Qco7Ft");
  });

  it("exports the CI-gate JSON", async () => {
    const res = await viewer.fetch(`${BASE}/export.json`);
    expect(res.status).toBe(200);
    const doc = (await res.json()) as {
      gate: string;
      score: number;
      items: { id: string; status: string }[];
      signoff: { state: string };
    };
    expect(["pass", "fail"]).toContain(doc.gate);
    expect(doc.items.length).toBeGreaterThan(40);
    expect(doc.signoff.state).toBeTruthy();
  });

  it("never sends a Secret value in any checklist response", async () => {
    const texts = await Promise.all(
      [BASE, `${BASE}/history`, `${BASE}/export.json`, `/api/v1/checklists`].map(async (p) =>
        (await viewer.fetch(p)).text(),
      ),
    );
    for (const t of texts) {
      expect(t).not.toContain("Tr0ub4dor");
      expect(t).not.toContain("cf464dc6c424db35f28e27577f371e4f");
    }
  });
});

// Issue 18, fix 2: who may read which audit rows. A row about an object is shown to those who may `get` that
// object (the cluster's RBAC, as for the objects themselves); a row about a person (sign-in, sign-out, tokens) only
// to that person; admins read everything. A failed sign-in never records a typed username that is no user's.
// The same rule holds for the JSON API, the CSV export and the Audit page.
//
// Demo RBAC (democluster/auth/policy.yaml): the viewer may get HelmReleases in airflow and flux-system only,
// never in monitoring.
import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { appFetch, signIn, type Session } from "./harness";

interface Row {
  requestId: string;
  actor: string;
  actorSubject: string | null;
  action: string;
  outcome: string;
  cluster: string | null;
  namespace: string | null;
  name: string | null;
  detail: Record<string, unknown>;
}

const probe = `audit-probe-${randomBytes(4).toString("hex")}`;
const stranger = `nobody-${randomBytes(4).toString("hex")}`;
let admin: Session;
let viewer: Session;
let operator: Session;

async function events(s: Session, query: string): Promise<Row[]> {
  const res = await s.fetch(`/api/v1/audit?${query}`);
  expect(res.status).toBe(200);
  return ((await res.json()) as { events: Row[] }).events;
}

/** An action on an object that does not exist: refused (404) after reading as the admin, and audited with its target. */
async function probeAction(namespace: string): Promise<void> {
  const res = await admin.fetch("/api/v1/clusters/demo/actions", {
    method: "POST",
    body: JSON.stringify({ action: "reconcile", resource: "helmreleases", namespace, name: probe }),
  });
  expect(res.status).toBe(404);
}

beforeAll(async () => {
  admin = await signIn("admin");
  viewer = await signIn("viewer");
  operator = await signIn("operator");
  await probeAction("airflow");
  await probeAction("monitoring");
  // a failed sign-in with a typed username that belongs to nobody, and one against a real account
  await appFetch("/api/v1/session", { method: "POST", body: JSON.stringify({ username: stranger, password: "guess" }), headers: { "x-forwarded-for": "10.45.0.1" } });
  await appFetch("/api/v1/session", { method: "POST", body: JSON.stringify({ username: "viewer", password: "wrong-password" }), headers: { "x-forwarded-for": "10.45.0.2" } });
});

describe("rows about objects follow the cluster's RBAC", () => {
  it("an admin sees both probes", async () => {
    const rows = await events(admin, `target=${probe}`);
    expect(rows.map((r) => r.namespace).sort()).toEqual(["airflow", "monitoring"]);
  });

  it("the viewer sees the probe in airflow and not the one in monitoring (JSON)", async () => {
    const rows = await events(viewer, `target=${probe}`);
    expect(rows.map((r) => r.namespace)).toEqual(["airflow"]);
    const all = await events(viewer, "limit=1000");
    expect(all.some((r) => r.namespace === "monitoring")).toBe(false);
  });

  it("the same holds for the CSV export", async () => {
    const csv = await (await viewer.fetch(`/api/v1/audit?format=csv&target=${probe}`)).text();
    const lines = csv.trim().split("\r\n");
    expect(lines).toHaveLength(2); // header + the airflow probe
    expect(lines[1]).toContain('"airflow"');
    expect(csv).not.toContain('"monitoring"');
    const adminCsv = await (await admin.fetch(`/api/v1/audit?format=csv&target=${probe}`)).text();
    expect(adminCsv).toContain('"monitoring"');
  });

  it("and for the Audit page", async () => {
    const html = await (await viewer.fetch(`/audit?target=${probe}`)).text();
    expect(html).toContain(`demo/helmreleases/airflow/${probe}`);
    expect(html).not.toContain(`monitoring/${probe}`);
    const adminHtml = await (await admin.fetch(`/audit?target=${probe}`)).text();
    expect(adminHtml).toContain(`monitoring/${probe}`);
  });
});

describe("rows about people are theirs", () => {
  it("the viewer sees their own sign-ins (also a failed one against their account) and nobody else's", async () => {
    const rows = await events(viewer, "action=sign-in&limit=1000");
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(r.actorSubject).toBe("demo:viewer");
    expect(rows.some((r) => r.outcome === "failure")).toBe(true);
  });

  it("no other user's address is visible to the viewer", async () => {
    const rows = await events(viewer, "limit=1000");
    const addresses = rows.filter((r) => r.actorSubject !== "demo:viewer").map((r) => r.detail.ip).filter(Boolean);
    expect(addresses).toEqual([]);
  });

  it("token rows: the operator sees their own, the viewer none of the operator's", async () => {
    const created = await operator.fetch("/api/v1/tokens", { method: "POST", body: JSON.stringify({ name: "visibility-check" }) });
    expect(created.status).toBe(201);
    const { token } = (await created.json()) as { token: { id: string } };
    await operator.fetch(`/api/v1/tokens/${token.id}`, { method: "DELETE" });
    const mine = (await events(operator, "action=token.&limit=1000")).filter((r) => r.detail.tokenId === token.id);
    expect(mine.map((r) => r.action).sort()).toEqual(["token.create", "token.revoke"]);
    const theirs = (await events(viewer, "action=token.&limit=1000")).filter((r) => r.detail.tokenId === token.id);
    expect(theirs).toEqual([]);
  });

  it("the admin reads every person's rows", async () => {
    const rows = await events(admin, "action=sign-in&limit=1000");
    expect(new Set(rows.map((r) => r.actorSubject)).size).toBeGreaterThan(1);
  });
});

describe("failed sign-ins", () => {
  it("never record a typed username that is not a known user", async () => {
    const csv = await (await admin.fetch("/api/v1/audit?format=csv&action=sign-in&outcome=failure")).text();
    expect(csv).not.toContain(stranger);
    const rows = await events(admin, "action=sign-in&outcome=failure&limit=1000");
    expect(rows.some((r) => r.detail.ip === "10.45.0.1" && r.actorSubject === null)).toBe(true);
  });

  it("against a known account are recorded for that account", async () => {
    const rows = await events(admin, "action=sign-in&outcome=failure&limit=1000");
    expect(rows.find((r) => r.detail.ip === "10.45.0.2")).toMatchObject({ actor: "viewer", actorSubject: "demo:viewer" });
  });
});

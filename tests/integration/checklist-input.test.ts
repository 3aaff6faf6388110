// Attestations and waivers through the API: validation (400, nothing stored), roles (viewer 403), attestation
// expiry, the two-person rule on waivers, and an expired waiver counting as a failure in every output.
import { beforeAll, describe, expect, it } from "vitest";
import type { ChecklistListResponse, WaiverView } from "@/lib/checklist-service/api-types";
import { signIn, type Session } from "./harness";
import {
  BASE,
  CLUSTER,
  checklist,
  getJson,
  inDays,
  inSeconds,
  item,
  postJson,
  waitForStatus,
  type ErrorBody,
} from "./checklist-helpers";

let viewer: Session;
let operator: Session;
let admin: Session;

const DASHBOARDS = "monitoring.dashboards-alerts";
const SMOKE = "post.smoke-test";
/** Blocking items that fail in the scenario; a test waives the first one still failing (the stack may be reused). */
const WAIVABLE = ["pre.chart-pinned", "ha.api-server-pdb", "ha.api-server-replicas", "pgbouncer.enabled"];

beforeAll(async () => {
  [viewer, operator, admin] = await Promise.all([signIn("viewer"), signIn("operator"), signIn("admin")]);
  await waitForStatus(viewer, "monitoring.metrics-enabled", ["pass"], 60_000);
});

describe("attestations", () => {
  it("bad input → 400 with a message, and nothing is stored", async () => {
    const before = item(await checklist(operator), DASHBOARDS).attestation;
    const cases: [unknown, RegExp][] = [
      [
        { checkId: DASHBOARDS, fields: { dashboardUrl: "javascript:alert(1)", alertRouting: "pagerduty" } },
        /Dashboard.*http\(s\) URL/i,
      ],
      [{ checkId: DASHBOARDS, fields: { alertRouting: "pagerduty" } }, /required/],
      [
        { checkId: DASHBOARDS, fields: { dashboardUrl: "https://grafana.example/d/1", alertRouting: "x", bogus: "1" } },
        /unknown field bogus/,
      ],
      [{ checkId: "ha.scheduler-replicas", fields: {} }, /cannot be attested/],
      [{ checkId: "no.such-item", fields: {} }, /Unknown checklist item/],
      [
        {
          checkId: DASHBOARDS,
          fields: { dashboardUrl: "https://g.example", alertRouting: "x" },
          expiresAt: "yesterday",
        },
        /expiresAt/,
      ],
      [
        {
          checkId: DASHBOARDS,
          fields: { dashboardUrl: "https://g.example", alertRouting: "x" },
          expiresAt: inDays(400),
        },
        /at most 366 days/,
      ],
      [
        { checkId: DASHBOARDS, fields: { dashboardUrl: "https://g.example", alertRouting: "x" }, links: ["ftp://x"] },
        /http\(s\) URL/,
      ],
      [{ checkId: DASHBOARDS, fields: {}, extra: true }, /extra|Unrecognized/i],
    ];
    for (const [body, message] of cases) {
      const r = await postJson<ErrorBody>(operator, `${BASE}/attestations`, body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.body.error.message).toMatch(message);
    }
    expect(item(await checklist(operator), DASHBOARDS).attestation).toEqual(before);
  });

  it("a viewer cannot attest (403)", async () => {
    const r = await postJson<ErrorBody>(viewer, `${BASE}/attestations`, {
      checkId: DASHBOARDS,
      fields: { dashboardUrl: "https://g.example", alertRouting: "x" },
    });
    expect(r.status).toBe(403);
    expect(item(await checklist(viewer), DASHBOARDS).attestation?.attestedBy).not.toBe("viewer");
  });

  it("an attestation counts until it expires, then the item shows expired", async () => {
    await waitForStatus(viewer, SMOKE, ["needs-attestation", "expired", "attested"], 60_000);
    const r = await postJson<{ attestation: { id: string; expiresAt: string; attestedBy: string } }>(
      operator,
      `${BASE}/attestations`,
      {
        checkId: SMOKE,
        fields: {
          testRun: "example_bash_operator manual run",
          dagsSynced: "true",
          logsVisible: "true",
          metricsVisible: "true",
        },
        links: ["https://wiki.example/runbooks/airflow"],
        expiresAt: inSeconds(4),
      },
    );
    expect(r.status).toBe(201);
    expect(r.body.attestation.attestedBy).toBe("operator");
    const now = item(await checklist(viewer), SMOKE);
    expect(now.status).toBe("attested");
    expect(now.attestation).toMatchObject({
      state: "valid",
      attestedBy: "operator",
      links: ["https://wiki.example/runbooks/airflow"],
    });
    const later = item(await waitForStatus(viewer, SMOKE, ["expired"], 15_000), SMOKE);
    expect(later.attestation?.state).toBe("expired");
    expect(later.message).toMatch(/expired/);
  });

  it("an attestation with the default expiry (90 days) makes the item attested", async () => {
    const r = await postJson<{ attestation: { expiresAt: string } }>(operator, `${BASE}/attestations`, {
      checkId: DASHBOARDS,
      fields: { dashboardUrl: "https://grafana.example/d/airflow", alertRouting: "PagerDuty: data-platform" },
    });
    expect(r.status).toBe(201);
    const days = (Date.parse(r.body.attestation.expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(89);
    expect(days).toBeLessThan(91);
    expect(item(await checklist(viewer), DASHBOARDS).status).toBe("attested");
  });
});

describe("waivers", () => {
  let ITEM = WAIVABLE[0];

  beforeAll(async () => {
    const view = await checklist(operator);
    const found = WAIVABLE.find((id) => item(view, id).status === "fail");
    if (!found) throw new Error(`none of ${WAIVABLE.join(", ")} fails any more: start a fresh demo stack`);
    ITEM = found;
  });

  it("bad input → 400 and nothing stored; a viewer cannot request (403)", async () => {
    const before = (await checklist(operator)).waivers.length;
    const cases: [unknown, RegExp][] = [
      [{ checkId: ITEM, reason: "later" }, /expiresAt/],
      [{ checkId: ITEM, reason: "later", expiresAt: inDays(120) }, /at most 90 days/],
      [{ checkId: ITEM, reason: "   ", expiresAt: inDays(10) }, /reason/],
      [{ checkId: ITEM, reason: "x", ticketUrl: "javascript:1", expiresAt: inDays(10) }, /ticketUrl/],
      [
        { checkId: ITEM, reason: "x", expiresAt: new Date(Date.now() - 60_000).toISOString() },
        /expiresAt must be after/,
      ],
    ];
    for (const [body, message] of cases) {
      const r = await postJson<ErrorBody>(operator, `${BASE}/waivers`, body);
      expect(r.status, JSON.stringify(body)).toBe(400);
      expect(r.body.error.message).toMatch(message);
    }
    expect(
      (await postJson<ErrorBody>(viewer, `${BASE}/waivers`, { checkId: ITEM, reason: "x", expiresAt: inDays(5) }))
        .status,
    ).toBe(403);
    expect((await checklist(operator)).waivers.length).toBe(before);
  });

  it("needs an approver other than the requester; an approved waiver waives; an expired one fails everywhere", async () => {
    const req = await postJson<{ waiver: WaiverView }>(operator, `${BASE}/waivers`, {
      checkId: ITEM,
      reason: "Range pinned on purpose until 1.18.1 ships",
      ticketUrl: "https://tickets.example/PLAT-42",
      expiresAt: inSeconds(8),
    });
    expect(req.status).toBe(201);
    expect(req.body.waiver).toMatchObject({ state: "requested", effect: "unapproved", requestedBy: "operator" });
    const id = req.body.waiver.id;
    expect(item(await checklist(viewer), ITEM).status).toBe("fail");

    const self = await postJson<ErrorBody>(operator, `${BASE}/waivers/${id}/approve`, {});
    expect(self.status).toBe(403);
    const byViewer = await postJson<ErrorBody>(viewer, `${BASE}/waivers/${id}/approve`, {});
    expect(byViewer.status).toBe(403);

    const ok = await postJson<{ waiver: WaiverView }>(admin, `${BASE}/waivers/${id}/approve`, {
      comment: "ok for a week",
    });
    expect(ok.status).toBe(200);
    expect(ok.body.waiver).toMatchObject({ state: "approved", approvedBy: "admin", effect: "valid" });
    expect((await postJson<ErrorBody>(admin, `${BASE}/waivers/${id}/approve`, {})).status).toBe(409);
    expect(item(await checklist(viewer), ITEM).status).toBe("waived");

    // After expiry: failure in the API, the list, the JSON and the Markdown export.
    const view = await waitForStatus(viewer, ITEM, ["expired"], 20_000);
    expect(item(view, ITEM).waiver?.state).toBe("expired");
    expect(view.gate).toBe("fail");
    const list = await getJson<ChecklistListResponse>(viewer, `/api/v1/clusters/${CLUSTER}/checklists`);
    const subject = list.body.subjects.find((s) => s.name === "airflow");
    expect(subject?.counts.expired).toBeGreaterThanOrEqual(1);
    expect(subject?.gate).toBe("fail");
    const json = (await (await viewer.fetch(`${BASE}/export.json`)).json()) as {
      items: { id: string; status: string }[];
    };
    expect(json.items.find((i) => i.id === ITEM)?.status).toBe("expired");
    const md = await (await viewer.fetch(`${BASE}/export.md`)).text();
    expect(md).toContain(`- [ ] **expired** · ${item(view, ITEM).title}`);
    expect(md).toContain(`| ${ITEM} | Range pinned on purpose until 1.18.1 ships |`);
  });

  it("an expired waiver cannot be approved (409)", async () => {
    const req = await postJson<{ waiver: WaiverView }>(operator, `${BASE}/waivers`, {
      checkId: "ha.triggerer-replicas",
      reason: "single triggerer is fine",
      expiresAt: inSeconds(1),
    });
    expect(req.status).toBe(201);
    await new Promise((r) => setTimeout(r, 1500));
    const late = await postJson<ErrorBody>(admin, `${BASE}/waivers/${req.body.waiver.id}/approve`, {});
    expect(late.status).toBe(409);
    expect(late.body.error.message).toMatch(/expired/);
  });
});

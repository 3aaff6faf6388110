// Review and sign-off: requests, the two-person rule (self-approval 403), roles, the evidence snapshot and its
// hash, and a sign-off turning stale when a signed blocking item regresses (a Kubernetes Event announces it).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually, signIn, type Session } from "./harness";
import { kube } from "./actions-helpers";
import {
  BASE,
  checklist,
  getJson,
  item,
  patchReleaseValues,
  postJson,
  scaleDeployment,
  schedulerDeployment,
  waitForStatus,
  type ErrorBody,
  type ReviewDetailView,
  type ReviewView,
} from "./checklist-helpers";

let viewer: Session;
let operator: Session;
let admin: Session;

interface StaleList {
  signoffs: { cluster: string; namespace: string; release: string; state: string; reasons: string[]; href: string }[];
}

interface EventObject {
  reason: string;
  type: string;
  message: string;
  involvedObject: { kind: string; name: string };
  source?: { component?: string };
  firstTimestamp?: string;
}

/** SignoffStale Events on the release, oldest first. */
async function staleEvents(): Promise<EventObject[]> {
  const r = await kube<{ items: EventObject[] }>("GET", "/api/v1/namespaces/airflow/events");
  return r.body.items.filter((e) => e.reason === "SignoffStale" && e.involvedObject.name === "airflow");
}

async function withdrawOpen(): Promise<void> {
  const view = await checklist(admin);
  const open = view.signoff.review?.state === "requested" ? view.signoff.review : undefined;
  if (!open) return;
  const requester = open.requestedBy === "admin" ? admin : operator;
  const r = await postJson(requester, `${BASE}/reviews/${open.id}/withdraw`);
  expect(r.status).toBe(200);
}

beforeAll(async () => {
  [viewer, operator, admin] = await Promise.all([signIn("viewer"), signIn("operator"), signIn("admin")]);
  await withdrawOpen();
  // Fix the scheduler HA gap through the HelmRelease values (as a GitOps change would).
  patchReleaseValues({ scheduler: { replicas: 2, podDisruptionBudget: { enabled: true } } });
  await waitForStatus(viewer, "ha.scheduler-replicas", ["pass"], 60_000);
  await waitForStatus(viewer, "ha.scheduler-pdb", ["pass"], 30_000);
});

afterAll(async () => {
  // Leave the scenario's scheduler as it was for other tests.
  patchReleaseValues({ scheduler: { replicas: 1, podDisruptionBudget: { enabled: false } } });
  await withdrawOpen();
});

describe("review and sign-off", () => {
  let reviewId = "";

  it("an operator requests a review; a second open request is refused (409); a viewer cannot request (403)", async () => {
    const r = await postJson<{ review: ReviewView }>(operator, `${BASE}/reviews`, { comment: "Ready for production?" });
    expect(r.status).toBe(201);
    expect(r.body.review).toMatchObject({
      state: "requested",
      requestedBy: "operator",
      comment: "Ready for production?",
    });
    reviewId = r.body.review.id;
    expect((await checklist(viewer)).signoff.state).toBe("requested");
    expect((await postJson<ErrorBody>(operator, `${BASE}/reviews`, {})).status).toBe(409);
    expect((await postJson<ErrorBody>(viewer, `${BASE}/reviews`, {})).status).toBe(403);
  });

  it("the requester, an operator and a viewer cannot approve (403); a stranger cannot withdraw", async () => {
    const self = await postJson<ErrorBody>(operator, `${BASE}/reviews/${reviewId}/approve`, { comment: "mine" });
    expect(self.status).toBe(403);
    expect((await postJson<ErrorBody>(viewer, `${BASE}/reviews/${reviewId}/approve`, { comment: "x" })).status).toBe(
      403,
    );
    expect((await postJson<ErrorBody>(viewer, `${BASE}/reviews/${reviewId}/reject`, { comment: "x" })).status).toBe(
      403,
    );
    expect((await postJson<ErrorBody>(admin, `${BASE}/reviews/${reviewId}/withdraw`)).status).toBe(403);
    expect((await checklist(viewer)).signoff.state).toBe("requested");
  });

  it("approving a failing gate needs a comment (400, nothing stored); rejecting needs one too", async () => {
    const view = await checklist(admin);
    expect(view.gate).toBe("fail");
    const bare = await postJson<ErrorBody>(admin, `${BASE}/reviews/${reviewId}/approve`, {});
    expect(bare.status).toBe(400);
    expect(bare.body.error.message).toMatch(/gate fails/);
    expect((await postJson<ErrorBody>(admin, `${BASE}/reviews/${reviewId}/reject`, {})).status).toBe(400);
    expect((await checklist(viewer)).signoff.state).toBe("requested");
  });

  it("an admin approves: the evidence snapshot is stored with a hash that verifies", async () => {
    const r = await postJson<{ review: ReviewView }>(admin, `${BASE}/reviews/${reviewId}/approve`, {
      comment: "HA fixed; PgBouncer tracked in PLAT-7",
    });
    expect(r.status).toBe(200);
    expect(r.body.review).toMatchObject({ state: "approved", decidedBy: "admin", requestedBy: "operator" });
    expect(r.body.review.evidenceHash).toMatch(/^sha256:[0-9a-f]{64}$/);
    const days = (Date.parse(r.body.review.expiresAt ?? "") - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(89);
    const detail = await getJson<
      ReviewDetailView & {
        evidence: {
          signer: { name: string; groups: string[] };
          items: { id: string; status: string; version: number }[];
          facts: { valuesDigest: string };
          hash: string;
        };
      }
    >(admin, `${BASE}/reviews/${reviewId}`);
    expect(detail.status).toBe(200);
    expect(detail.body.hashVerified).toBe(true);
    expect(detail.body.evidence.hash).toBe(r.body.review.evidenceHash);
    expect(detail.body.evidence.signer.name).toContain("admin");
    expect(detail.body.evidence.signer.groups).toContain("fluxtower:admins");
    expect(detail.body.evidence.items.find((i) => i.id === "ha.scheduler-replicas")).toMatchObject({
      status: "pass",
      version: 1,
    });
    expect(detail.body.evidence.facts.valuesDigest).toMatch(/^sha256:/);
    const view = await checklist(viewer);
    expect(view.signoff.state).toBe("approved");
    expect((await postJson<ErrorBody>(admin, `${BASE}/reviews/${reviewId}/approve`, { comment: "again" })).status).toBe(
      409,
    );
    const list = await getJson<{ reviews: ReviewView[] }>(viewer, `${BASE}/reviews`);
    expect(list.body.reviews[0]).toMatchObject({ id: reviewId, state: "approved" });
  });

  it("scaling the scheduler back to 1 with kubectl turns the sign-off stale, flags it and posts a Kubernetes Event", async () => {
    const eventsBefore = (await staleEvents()).length;
    scaleDeployment("airflow", schedulerDeployment(), 1);
    const view = await eventually(
      async () => {
        const v = await checklist(viewer);
        return v.signoff.state === "stale" ? v : undefined;
      },
      30_000,
      500,
    );
    expect(item(view, "ha.scheduler-replicas").status).toBe("fail");
    expect(view.signoff.reasons.join(" ")).toMatch(/ha\.scheduler-replicas regressed: pass → fail/);
    const stale = await getJson<StaleList>(viewer, "/api/v1/checklists/stale");
    expect(stale.body.signoffs).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          namespace: "airflow",
          release: "airflow",
          state: "stale",
          href: "/checklists/demo/airflow/airflow",
        }),
      ]),
    );
    const events = await eventually(
      async () => {
        const found = await staleEvents();
        return found.length === eventsBefore + 1 ? found : undefined;
      },
      15_000,
      500,
    );
    // The newest one: events list by name (random suffix), and earlier tests may have left other SignoffStale Events.
    const event = [...events].sort((a, b) => Date.parse(a.firstTimestamp ?? "") - Date.parse(b.firstTimestamp ?? ""))[events.length - 1];
    expect(event).toMatchObject({
      type: "Warning",
      involvedObject: { kind: "HelmRelease", name: "airflow" },
      source: { component: "fluxtower" },
    });
    expect(event.message).toMatch(/stale: .*ha\.scheduler-replicas regressed/);
    // Stale stays stale even when the scheduler comes back: a new review is needed.
    scaleDeployment("airflow", schedulerDeployment(), 2);
    await waitForStatus(viewer, "ha.scheduler-replicas", ["pass"], 30_000);
    expect((await checklist(viewer)).signoff.state).toBe("stale");
    // Exactly one Event for one stale transition.
    expect((await staleEvents()).length).toBe(eventsBefore + 1);
  });

  it("self-approval is refused with 403, even for an admin; the requester may withdraw", async () => {
    const r = await postJson<{ review: ReviewView }>(admin, `${BASE}/reviews`, {
      comment: "re-review after the scale-down",
    });
    expect(r.status).toBe(201);
    const self = await postJson<ErrorBody>(admin, `${BASE}/reviews/${r.body.review.id}/approve`, {
      comment: "looks fine to me",
    });
    expect(self.status).toBe(403);
    expect(self.body.error.message).toMatch(/two-person rule/);
    const view = await checklist(viewer);
    expect(view.signoff.state).toBe("requested");
    expect(view.signoff.approved?.effectiveState).toBe("stale");
    const w = await postJson<{ review: ReviewView }>(admin, `${BASE}/reviews/${r.body.review.id}/withdraw`);
    expect(w.status).toBe(200);
    expect((await checklist(viewer)).signoff.state).toBe("stale");
  });
});

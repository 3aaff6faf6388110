// Issue 18 fix 8: attesting a checklist item is a statement about the release, so it needs the right to change the
// release — Kubernetes `patch` on the HelmRelease, checked as the user — not only `get`. bob signs in with single
// sign-on as an app operator; in the demo cluster his group may read airflow but change nothing
// (democluster/auth/policy.yaml, oidc-operators-view). The demo operator (the `edit` role) may patch it.
import { beforeAll, describe, expect, it } from "vitest";
import { appFetch, signIn, type Session } from "./harness";
import { BASE, checklist, getJson, item, postJson, type ErrorBody } from "./checklist-helpers";
import { oidcSignIn } from "./security-oidc-client";

const DASHBOARDS = "monitoring.dashboards-alerts";
let bob: Session;
let operator: Session;
let admin: Session;

beforeAll(async () => {
  [operator, admin] = await Promise.all([signIn("operator"), signIn("admin")]);
  const sso = await oidcSignIn("bob");
  if (!sso.cookie) throw new Error(`bob could not sign in: ${sso.callback.status} ${sso.location}`);
  const cookie = sso.cookie;
  bob = { cookie, fetch: (p, init) => appFetch(p, init, cookie) };
});

describe("attestation needs `patch` on the HelmRelease", () => {
  it("bob may read the checklist (get) but not attest (no patch): 403 naming the permission, nothing stored", async () => {
    expect((await getJson(bob, BASE)).status).toBe(200);
    const before = item(await checklist(operator), DASHBOARDS).attestation;
    const r = await postJson<ErrorBody>(bob, `${BASE}/attestations`, {
      checkId: DASHBOARDS,
      fields: { dashboardUrl: "https://grafana.example/d/airflow-bob", alertRouting: "PagerDuty: bob" },
    });
    expect(r.status).toBe(403);
    expect(r.body.error.message).toMatch(/patch.*helmreleases.*airflow\/airflow|HelmRelease airflow\/airflow.*patch/i);
    expect(item(await checklist(operator), DASHBOARDS).attestation).toEqual(before);
    const audit = (await (await admin.fetch("/api/v1/audit?action=checklist.attest&limit=100")).json()) as { events: { actor: string; outcome: string }[] };
    const bobs = audit.events.filter((e) => e.actor === "bob");
    expect(bobs.map((e) => e.outcome)).toContain("denied");
    expect(bobs.map((e) => e.outcome)).not.toContain("success");
  });

  it("the operator, who may patch it, attests", async () => {
    const r = await postJson<{ attestation: { attestedBy: string } }>(operator, `${BASE}/attestations`, {
      checkId: DASHBOARDS,
      fields: { dashboardUrl: "https://grafana.example/d/airflow", alertRouting: "PagerDuty: data-platform" },
    });
    expect(r.status).toBe(201);
    expect(r.body.attestation.attestedBy).toBe("operator");
  });
});

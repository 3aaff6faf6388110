// Double clicks and two users acting on the same object at once: one patch and one shared operation for the same
// action; consistent outcomes for conflicting actions.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually, signIn, type Session } from "./harness";
import { act, finished, getObject, lastSeq, writesTo } from "./actions-helpers";
import { createFixtures, deleteFixtures, type Fixtures } from "./actions-fixtures";

let f: Fixtures;
let operator: Session;
let admin: Session;

beforeAll(async () => {
  f = await createFixtures();
  [operator, admin] = await Promise.all([signIn("operator"), signIn("admin")]);
  await eventually(async () => (await getObject(f.paths.hr)).status?.conditions?.some((c) => c.type === "Ready" && c.status === "True"), 60_000, 500);
}, 90_000);

afterAll(async () => {
  if (f) await deleteFixtures(f);
});

describe.sequential("concurrent actions", () => {
  it("a double click and a colleague's click on the same reconcile share one operation and one patch", async () => {
    const seq = await lastSeq();
    const body = { action: "reconcile", resource: "helmreleases", namespace: f.ns, name: "podinfo" };
    const [a, b, c] = await Promise.all([act(operator, body), act(operator, body), act(admin, body)]);
    for (const r of [a, b, c]) expect(r.status).toBe(202);
    const ids = new Set([a, b, c].map((r) => r.json.operation!.id));
    expect(ids.size).toBe(1);
    expect([a, b, c].filter((r) => r.json.deduplicated).length).toBe(2);
    const patches = (await writesTo(seq, f.paths.hr)).filter((w) => w.method === "PATCH");
    expect(patches).toHaveLength(1);
    const done = await finished(operator, a.json.operation!.id);
    expect(done.state).toBe("succeeded");
  });

  it("suspend and reconcile at the same time: either order is consistent with the final object", async () => {
    const [s, r] = await Promise.all([
      act(operator, { action: "suspend", resource: "helmreleases", namespace: f.ns, name: "web", reason: "freeze" }),
      act(admin, { action: "reconcile", resource: "helmreleases", namespace: f.ns, name: "web" }),
    ]);
    expect(s.status).toBe(202);
    expect((await finished(operator, s.json.operation!.id)).state).toBe("succeeded");
    const obj = await getObject(f.paths.hr2);
    expect(obj.spec?.suspend).toBe(true);
    if (r.status === 409) {
      // The suspend came first: the reconcile was refused, naming who suspended it and why.
      expect(r.json.error?.message).toMatch(/suspended by operator.*freeze/);
    } else {
      // The reconcile came first: it either finished before the suspend or reports the suspension.
      expect(r.status).toBe(202);
      const done = await finished(admin, r.json.operation!.id);
      if (done.state !== "succeeded") expect(done.message).toMatch(/suspended by operator/);
    }
    const resumed = await act(admin, { action: "resume", resource: "helmreleases", namespace: f.ns, name: "web" });
    expect(resumed.status).toBe(202);
    expect((await finished(admin, resumed.json.operation!.id)).state).toBe("succeeded");
  });

  it("a second token request while the first is not yet picked up is refused, then allowed once acknowledged", async () => {
    const first = await act(operator, { action: "reconcile", resource: "kustomizations", namespace: f.ns, name: "app" });
    expect(first.status).toBe(202);
    const second = await act(admin, { action: "reconcile", resource: "kustomizations", namespace: f.ns, name: "app", withSource: true });
    if (second.status === 409) expect(second.json.error?.message).toMatch(/still waiting for the controller/);
    else expect(second.status).toBe(202);
    await finished(operator, first.json.operation!.id);
    const third = await act(admin, { action: "reconcile", resource: "kustomizations", namespace: f.ns, name: "app", withSource: true });
    expect([202]).toContain(third.status);
    expect((await finished(admin, third.json.operation!.id)).state).toBe("succeeded");
  });
});

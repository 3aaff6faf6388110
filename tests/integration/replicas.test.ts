// Two replicas of the app on one database: the lock around starting an action and the rate limits are shared
// (database leases and counters), so a click that reaches both replicas patches once, and a limit is not
// multiplied by the number of replicas.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { APP_URL, demoControl, eventually, signIn, type Session } from "./harness";
import { act, finished, getObject, lastSeq, writesTo } from "./actions-helpers";
import { createFixtures, deleteFixtures, type Fixtures } from "./actions-fixtures";
import { freePort, signInAt, startInstance, type AppInstance } from "./app-instance";

let second: AppInstance | undefined;
let f: Fixtures;
let here: Session;
let there: Session;

beforeAll(async () => {
  [second, f] = await Promise.all([freePort().then((p) => startInstance(p)), createFixtures()]);
  here = await signIn("operator");
  there = await signInAt(second.url, "operator");
  await eventually(async () => (await getObject(f.paths.hr)).status?.conditions?.some((c) => c.type === "Ready" && c.status === "True"), 60_000, 500);
}, 120_000);

afterAll(async () => {
  second?.kill();
  if (f) await deleteFixtures(f);
});

describe("two replicas", () => {
  it("the same reconcile sent to both replicas at once patches once and is one operation", async () => {
    // helm-controller is held (as a real one takes seconds), so the operation is in flight when the others arrive.
    const hold = { kind: "HelmRelease", namespace: f.ns };
    expect((await demoControl("/__demo/pause", { method: "POST", body: JSON.stringify(hold) })).status).toBeLessThan(300);
    try {
      const seq = await lastSeq();
      const body = { action: "reconcile", resource: "helmreleases", namespace: f.ns, name: "podinfo" };
      const answers = await Promise.all([act(here, body), act(there, body), act(here, body), act(there, body)]);
      for (const a of answers) expect(a.status, JSON.stringify(a.json.error)).toBe(202);
      expect(new Set(answers.map((a) => a.json.operation?.id)).size).toBe(1);
      expect(answers.filter((a) => !a.json.deduplicated)).toHaveLength(1);
      const patches = (await writesTo(seq, f.paths.hr)).filter((w) => w.method === "PATCH");
      expect(patches).toHaveLength(1);
      await demoControl("/__demo/resume", { method: "POST", body: JSON.stringify(hold) });
      expect((await finished(here, answers[0].json.operation?.id ?? "")).state).toBe("succeeded");
    } finally {
      await demoControl("/__demo/resume", { method: "POST", body: JSON.stringify(hold) });
    }
  }, 90_000);

  it("failed sign-ins from one address count on both replicas together", async () => {
    const ip = `10.77.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
    const attempt = (base: string, password: string) =>
      fetch(`${base}/api/v1/session`, {
        method: "POST",
        headers: { origin: base, "content-type": "application/json", "x-forwarded-for": ip },
        body: JSON.stringify({ username: "viewer", password }),
      });
    // Ten failures (the per-minute limit), half on each replica.
    for (let i = 0; i < 10; i++) expect((await attempt(i % 2 ? APP_URL : (second as AppInstance).url, "wrong")).status).toBe(401);
    // Each replica alone saw five: only a shared count refuses the next attempt, even with the right password.
    for (const base of [APP_URL, (second as AppInstance).url]) {
      const res = await attempt(base, process.env.FLUXTOWER_DEMO_PASSWORD ?? "demo");
      expect(res.status).toBe(429);
      expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
    }
  });
});

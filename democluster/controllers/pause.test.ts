import { afterEach, describe, expect, it } from "vitest";
import { R } from "../sim/resources";
import { annotate, apply, cond, sleep, startHarness, token, waitFor, type Harness } from "./test-harness";
import { gitRepository, ns } from "./test-fixtures";

let h: Harness;
afterEach(async () => h?.stop());

describe("pause / resume / time scale", () => {
  it("holds reconciles of a paused kind and catches up on resume", async () => {
    h = await startHarness();
    h.sim.pause({ kind: "GitRepository" });
    apply(h.store, [
      gitRepository("platform"),
      ns("apps"),
      {
        apiVersion: "apps/v1",
        kind: "Deployment",
        metadata: { name: "web", namespace: "apps" },
        spec: {
          replicas: 1,
          selector: { matchLabels: { app: "web" } },
          template: { metadata: { labels: { app: "web" } }, spec: { containers: [{ name: "web", image: "nginx" }] } },
        },
      },
    ]);
    await waitFor(
      "other kinds still run",
      () => h.store.get(R.deployments, "apps", "web")?.status?.readyReplicas === 1,
    );
    await sleep(200);
    // Not reconciled: only the CRD's status default (observedGeneration -1), no conditions.
    expect(h.store.get(R.gitrepositories, "flux-system", "platform")?.status).toEqual({ observedGeneration: -1 });
    expect((h.sim.describe().tasks as { held: number }).held).toBeGreaterThan(0);
    expect(h.sim.describe().paused).toEqual([{ kind: "GitRepository" }]);
    h.sim.resume({ kind: "GitRepository" });
    await waitFor(
      "caught up",
      () => cond(h.store.get(R.gitrepositories, "flux-system", "platform"), "Ready")?.status === "True",
    );
  });

  it("pauses one namespace only, and pause() with no filter holds everything", async () => {
    h = await startHarness();
    apply(h.store, [ns("a"), ns("b"), gitRepository("repo-a", "a"), gitRepository("repo-b", "b")]);
    await waitFor("both ready", () =>
      ["a", "b"].every((n) => cond(h.store.get(R.gitrepositories, n, `repo-${n}`), "Ready")?.status === "True"),
    );
    h.sim.pause({ namespace: "a" });
    const ta = token();
    const tb = token() + "b";
    annotate(h.store, R.gitrepositories, "a", "repo-a", { "reconcile.fluxcd.io/requestedAt": ta });
    annotate(h.store, R.gitrepositories, "b", "repo-b", { "reconcile.fluxcd.io/requestedAt": tb });
    await waitFor(
      "b handled",
      () => h.store.get(R.gitrepositories, "b", "repo-b")?.status?.lastHandledReconcileAt === tb,
    );
    await sleep(150);
    expect(h.store.get(R.gitrepositories, "a", "repo-a")?.status?.lastHandledReconcileAt).toBeUndefined();
    h.sim.pause();
    h.sim.resume({ namespace: "a" });
    await sleep(200);
    expect(h.store.get(R.gitrepositories, "a", "repo-a")?.status?.lastHandledReconcileAt).toBeUndefined(); // still held by the global pause
    h.sim.resume();
    await waitFor(
      "a handled",
      () => h.store.get(R.gitrepositories, "a", "repo-a")?.status?.lastHandledReconcileAt === ta,
    );
  });

  it("applies a new time scale to pending work", async () => {
    h = await startHarness("empty", 50); // 50x slower than real: a fetch would take about a minute
    apply(h.store, [gitRepository("platform")]);
    await sleep(200);
    expect(h.store.get(R.gitrepositories, "flux-system", "platform")?.status?.artifact).toBeUndefined();
    h.sim.setTimeScale(0.02);
    expect(h.sim.describe().timeScale).toBe(0.02);
    await waitFor(
      "artifact after speed-up",
      () => h.store.get(R.gitrepositories, "flux-system", "platform")?.status?.artifact,
      3000,
    );
  });
});

// Graceful shutdown (lib/shutdown): SIGTERM a second instance with an open SSE stream. The stream gets
// `event: end`, readiness answers 503 while the process still serves (FLUXTOWER_SHUTDOWN_DELAY_SECONDS), requests
// in that window are still answered, and the server then closes and its processes exit on their own, well within the grace period.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort, signInAt, startInstance, type AppInstance } from "./app-instance";
import { eventually } from "./harness";

describe("graceful shutdown on SIGTERM", () => {
  let instance: AppInstance;
  beforeAll(async () => {
    instance = await startInstance(await freePort(), { FLUXTOWER_SHUTDOWN_DELAY_SECONDS: "10", FLUXTOWER_SHUTDOWN_GRACE_SECONDS: "60", FLUXTOWER_METRICS_PORT: "0" });
    await eventually(async () => (await fetch(`${instance.url}/api/readyz`)).status === 200 || undefined, 60_000, 300);
  }, 120_000);
  afterAll(() => instance?.kill());

  it("ends open SSE streams with `end`, turns readiness 503 before exiting, and exits by itself", async () => {
    const user = await signInAt(instance.url, "viewer");
    const res = await user.fetch("/api/v1/stream?cluster=demo", { headers: { accept: "text/event-stream" } });
    expect(res.status).toBe(200);
    const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
    let text = "";
    while (!text.includes("event: hello")) text += (await reader.read()).value ?? "";

    const signalledAt = Date.now();
    process.kill(-instance.child.pid!, "SIGTERM");

    // The stream: an `end` event, then the server closes it.
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      text += value;
    }
    expect(text).toMatch(/event: end\ndata: \{"reason":"server shutting down"\}/);

    // Readiness 503 at once, while the process still answers other requests.
    const ready = await fetch(`${instance.url}/api/readyz`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({ status: "not-ready", reasons: ["shutting down"] });
    expect((await fetch(`${instance.url}/api/healthz`)).status).toBe(200);
    expect((await user.fetch("/api/v1/overview")).status).toBe(200);
    // A new SSE stream during the drain ends at once with `end`.
    const late = await (await user.fetch("/api/v1/stream?cluster=demo", { headers: { accept: "text/event-stream" } })).text();
    expect(late).toMatch(/event: end\ndata: \{"reason":"server shutting down"\}/);

    // Then the server stops (connections refused) and every process of the instance is gone (npx and Next.js).
    // (A 10 s drain delay: on a loaded machine the checks above can take seconds.)
    await eventually(async () => (await fetch(`${instance.url}/api/healthz`).then(() => false, () => true)) || undefined, 30_000, 100);
    const took = Date.now() - signalledAt;
    expect(took).toBeGreaterThanOrEqual(10_000); // the drain delay was kept
    const groupAlive = () => {
      try {
        process.kill(-instance.child.pid!, 0);
        return true;
      } catch {
        return false;
      }
    };
    await eventually(async () => !groupAlive() || undefined, 10_000, 100);
    expect(Date.now() - signalledAt).toBeLessThan(40_000); // nothing held it to the grace period
  }, 120_000);
});

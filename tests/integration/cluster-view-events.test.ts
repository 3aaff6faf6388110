// Kubernetes Events reach open SSE streams as `event` messages, filtered by the user's RBAC (list events in the
// Event's namespace): the demo viewer may list events in airflow but not in monitoring.
import { describe, expect, it } from "vitest";
import { signIn, type Session } from "./harness";
import { kube } from "./actions-helpers";

interface Feed {
  text(): string;
  close(): void;
  until(pred: (text: string) => boolean, ms: number): Promise<string>;
}

async function openFeed(s: Session): Promise<Feed> {
  const controller = new AbortController();
  const res = await s.fetch("/api/v1/stream?cluster=demo", { signal: controller.signal });
  expect(res.status).toBe(200);
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let text = "";
  const pump = (async () => {
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
      if (done) return;
      text += decoder.decode(value);
    }
  })();
  return {
    text: () => text,
    close: () => {
      controller.abort();
      void pump;
    },
    async until(pred, ms) {
      const deadline = Date.now() + ms;
      while (Date.now() < deadline && !pred(text)) await new Promise((r) => setTimeout(r, 100));
      return text;
    },
  };
}

async function recordEvent(namespace: string, marker: string): Promise<void> {
  const now = new Date().toISOString();
  const res = await kube("POST", `/api/v1/namespaces/${namespace}/events`, {
    apiVersion: "v1",
    kind: "Event",
    metadata: { name: `fluxtower-test.${marker}`, namespace },
    involvedObject: { apiVersion: "helm.toolkit.fluxcd.io/v2", kind: "HelmRelease", namespace, name: "airflow" },
    reason: "IntegrationTest",
    message: `recorded by the integration test ${marker}`,
    type: "Warning",
    count: 1,
    firstTimestamp: now,
    lastTimestamp: now,
    source: { component: "integration-test" },
  });
  expect(res.status).toBe(201);
}

const eventLine = (marker: string) => new RegExp(`event: event\\ndata: [^\\n]*"reason":"IntegrationTest"[^\\n]*${marker}`);

describe("Kubernetes Events on the stream", () => {
  it("reach the users who may list events in the namespace, and only them", async () => {
    const admin = await openFeed(await signIn("admin"));
    const viewer = await openFeed(await signIn("viewer"));
    const visible = `a${Date.now()}`;
    const hidden = `m${Date.now()}`;
    try {
      await admin.until((t) => t.includes("event: hello"), 10_000);
      await viewer.until((t) => t.includes("event: hello"), 10_000);
      await recordEvent("monitoring", hidden);
      await recordEvent("airflow", visible);

      const adminText = await admin.until((t) => eventLine(visible).test(t) && eventLine(hidden).test(t), 15_000);
      expect(adminText).toMatch(eventLine(visible));
      expect(adminText).toMatch(eventLine(hidden));
      expect(adminText).toMatch(new RegExp(`"involved":\\{"kind":"HelmRelease","namespace":"airflow","name":"airflow"\\}[^\\n]*`));

      const viewerText = await viewer.until((t) => eventLine(visible).test(t), 15_000);
      expect(viewerText).toMatch(eventLine(visible));
      // The monitoring Event was recorded first; give it time to arrive anyway before saying it did not.
      await new Promise((r) => setTimeout(r, 1_000));
      expect(viewerText).not.toContain(hidden);
      expect(viewer.text()).not.toContain(hidden);
    } finally {
      admin.close();
      viewer.close();
      await kube("DELETE", `/api/v1/namespaces/monitoring/events/fluxtower-test.${hidden}`);
      await kube("DELETE", `/api/v1/namespaces/airflow/events/fluxtower-test.${visible}`);
    }
  }, 60_000);
});

// SECURITY.md S20: long-lived streams (the SSE change feed and followed pod logs) end within 60 s of sign-out, and
// a stream opened with an API token ends within 60 s of the token's revocation.
import { describe, expect, it } from "vitest";
import { APP_URL, signIn } from "./harness";

interface OpenStream {
  /** Milliseconds from `since` until the server closed the stream (or null if it is still open at the deadline). */
  endedAfter(since: number, deadlineMs: number): Promise<number | null>;
  firstBytes: Promise<string>;
}

function openStream(p: string, headers: Record<string, string>): OpenStream {
  const controller = new AbortController();
  let resolveFirst: (s: string) => void = () => undefined;
  let rejectFirst: (e: unknown) => void = () => undefined;
  const firstBytes = new Promise<string>((resolve, reject) => {
    resolveFirst = resolve;
    rejectFirst = reject;
  });
  const ended = (async () => {
    const res = await fetch(new URL(p, APP_URL), { headers, signal: controller.signal });
    if (res.status !== 200 || !res.body) throw new Error(`${p} answered ${res.status}`);
    const reader = res.body.getReader();
    const decoder = new TextDecoder();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return Date.now();
      resolveFirst(decoder.decode(value));
    }
  })();
  ended.then(() => rejectFirst(new Error(`${p} ended before sending anything`)), rejectFirst);
  return {
    firstBytes,
    async endedAfter(since, deadlineMs) {
      const timeout = new Promise<null>((r) => setTimeout(() => r(null), deadlineMs));
      const at = await Promise.race([ended, timeout]);
      controller.abort();
      return at === null ? null : at - since;
    },
  };
}

async function airflowPod(cookie: string): Promise<string> {
  const res = await fetch(new URL("/api/v1/clusters/demo/resources?resource=pods&namespace=airflow", APP_URL), { headers: { cookie } });
  const items = ((await res.json()) as { items: { name: string; health: { status: string } }[] }).items;
  const pod = items.find((i) => i.health.status === "Healthy") ?? items[0];
  if (!pod) throw new Error("no Airflow pod in the demo cluster");
  return pod.name;
}

describe("streams end after sign-out or revocation", () => {
  it(
    "the change feed and a followed log end within 60 s of sign-out; a token's feed within 60 s of revocation",
    async () => {
      const user = await signIn("admin"); // not "operator": the token tests use that user's creation budget
      const pod = await airflowPod(user.cookie);
      const tokenRes = await user.fetch("/api/v1/tokens", { method: "POST", body: JSON.stringify({ name: "stream test", expiresInDays: 1 }) });
      expect(tokenRes.status).toBe(201);
      const { token, secret } = (await tokenRes.json()) as { token: { id: string }; secret: string };

      const feed = openStream("/api/v1/stream?cluster=demo", { cookie: user.cookie });
      const logs = openStream(`/api/v1/clusters/demo/logs/airflow/${pod}?follow=true&tailLines=5`, { cookie: user.cookie });
      const tokenFeed = openStream("/api/v1/stream?cluster=demo", { authorization: `Bearer ${secret}` });
      expect(await feed.firstBytes).toMatch(/event: hello/);
      expect(await tokenFeed.firstBytes).toMatch(/event: hello/);
      await logs.firstBytes;

      const since = Date.now();
      // Revoke the token with the session, then sign out.
      expect((await user.fetch(`/api/v1/tokens/${token.id}`, { method: "DELETE" })).status).toBe(204);
      expect((await user.fetch("/api/v1/session", { method: "DELETE" })).status).toBe(204);

      const [feedMs, logsMs, tokenMs] = await Promise.all([feed.endedAfter(since, 65_000), logs.endedAfter(since, 65_000), tokenFeed.endedAfter(since, 65_000)]);
      expect(feedMs, "change feed after sign-out").not.toBeNull();
      expect(logsMs, "followed log after sign-out").not.toBeNull();
      expect(tokenMs, "change feed after token revocation").not.toBeNull();
      expect(Math.max(feedMs ?? 0, logsMs ?? 0, tokenMs ?? 0)).toBeLessThan(60_000);
    },
    90_000,
  );
});

// Issue 18 fix 6 (SECURITY.md S11): pod logs mask the values of the Secrets the pod reads — also a value written
// while the log is followed (a rotation), also JSON-escaped — and a log whose Secrets cannot be read is refused
// with the reason instead of being shown unmasked. The demo's git-sync containers log JSON (democluster/sim/
// log-format.ts gitSyncLine) with their --repo flag, so a repository URL carrying the rotated token shows up
// JSON-escaped in the first lines of the container.
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { APP_URL, eventually, signIn, type Session } from "./harness";
import { create, kube, type KObject } from "./actions-helpers";

const NS = "airflow";
const run = randomBytes(4).toString("hex");
const FOLLOWED = `log-mask-${run}`;
const GONE = `log-gone-${run}`;
// A password with a double quote: JSON logging prints it as \" — the verbatim value never appears in the line.
const TOKEN = `p"${randomBytes(10).toString("hex")}`;
const REPO = `https://x-access-token:${TOKEN}@github.com/acme/airflow-dags.git`;
let admin: Session;

const b64 = (s: string) => Buffer.from(s).toString("base64");

function pod(name: string, container: Record<string, unknown>): KObject {
  return { apiVersion: "v1", kind: "Pod", metadata: { name, namespace: NS, labels: { app: "log-masking-test" } }, spec: { containers: [container] } } as KObject;
}

async function podPhase(name: string): Promise<string | undefined> {
  const r = await kube("GET", `/api/v1/namespaces/${NS}/pods/${name}`);
  return (r.body.status as { phase?: string } | undefined)?.phase;
}

/** Reads a followed log (SSE) until `until` matches the text so far, or the time is up. */
async function follow(path: string, until: RegExp, timeoutMs: number): Promise<{ status: number; text: string }> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  const res = await fetch(new URL(path, APP_URL), { headers: { cookie: admin.cookie }, signal: controller.signal });
  let text = "";
  try {
    if (res.status !== 200 || !res.body) return { status: res.status, text: await res.text() };
    const reader = res.body.getReader();
    const decoder = new TextDecoder();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      text += decoder.decode(value);
      if (until.test(text)) break;
    }
  } catch {
    // aborted: the time is up
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
  return { status: res.status, text };
}

beforeAll(async () => {
  admin = await signIn("admin");
  // The followed pod's Secret has no `token` key yet, so its container waits (CreateContainerConfigError) until
  // the "rotation" below writes it; the kubelet then starts git-sync, which prints the repository URL.
  await create(`/api/v1/namespaces/${NS}/secrets`, { apiVersion: "v1", kind: "Secret", metadata: { name: FOLLOWED, namespace: NS }, data: { placeholder: b64("not-yet-rotated") } } as KObject);
  await create(
    `/api/v1/namespaces/${NS}/pods`,
    pod(FOLLOWED, {
      name: "git-sync",
      image: "registry.k8s.io/git-sync/git-sync:v4.4.0",
      env: [
        { name: "GITSYNC_REPO", value: REPO },
        { name: "GITSYNC_PASSWORD", valueFrom: { secretKeyRef: { name: FOLLOWED, key: "token" } } },
      ],
    }),
  );
  await create(`/api/v1/namespaces/${NS}/secrets`, { apiVersion: "v1", kind: "Secret", metadata: { name: GONE, namespace: NS }, data: { token: b64(`gone-${run}-value`) } } as KObject);
  await create(`/api/v1/namespaces/${NS}/pods`, pod(GONE, { name: "app", image: "nginx:1.27", env: [{ name: "TOKEN", valueFrom: { secretKeyRef: { name: GONE, key: "token" } } }] }));
  await eventually(async () => (await podPhase(GONE)) === "Running", 30_000, 300);
}, 60_000);

afterAll(async () => {
  for (const name of [FOLLOWED, GONE]) {
    await kube("DELETE", `/api/v1/namespaces/${NS}/pods/${name}`);
    await kube("DELETE", `/api/v1/namespaces/${NS}/secrets/${name}`);
  }
});

describe("pod log masking", () => {
  it("masks a value written to the pod's Secret while its log is followed, JSON-escaped", async () => {
    const escaped = JSON.stringify(TOKEN).slice(1, -1);
    const followed = follow(`/api/v1/clusters/demo/logs/${NS}/${FOLLOWED}?container=git-sync&follow=true&tailLines=50`, /cloning repo/, 45_000);
    await new Promise((r) => setTimeout(r, 1_500)); // the stream is open, with the Secret as it was
    await kube("PATCH", `/api/v1/namespaces/${NS}/secrets/${FOLLOWED}`, { data: { token: b64(TOKEN) } }, { contentType: "application/merge-patch+json" });
    const { status, text } = await followed;
    expect(status).toBe(200);
    expect(text).toMatch(/starting up/);
    expect(text).toMatch(/cloning repo/);
    expect(text).toContain("x-access-token:••••••@github.com");
    expect(text).not.toContain(escaped);
    expect(text).not.toContain(TOKEN.slice(2));
  }, 60_000);

  it("refuses the log of a pod whose Secret cannot be read any more, with the reason", async () => {
    await kube("DELETE", `/api/v1/namespaces/${NS}/secrets/${GONE}`);
    const res = await admin.fetch(`/api/v1/clusters/demo/logs/${NS}/${GONE}?container=app&tailLines=20`);
    const body = (await res.json()) as { lines?: string[]; error?: { message: string } };
    expect(res.status, JSON.stringify(body)).toBe(503);
    expect(body.error?.message).toContain(`Secret ${GONE}`);
    expect(body.error?.message).toMatch(/cannot be masked/);
    const streamed = await follow(`/api/v1/clusters/demo/logs/${NS}/${GONE}?container=app&follow=true`, /./, 10_000);
    expect(streamed.status).toBe(503);
    expect(streamed.text).toContain(`Secret ${GONE}`);
  });
});

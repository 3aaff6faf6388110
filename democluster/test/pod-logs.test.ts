// pods/{name}/log: lines from the Simulation's log source, container selection, tailLines, timestamps, and
// follow=true streaming until the client disconnects or the pod is deleted.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DemoCluster } from "../index";
import { api, createNamespace, obj, sleep, startTestCluster, type Api } from "./helpers";
import { fakeSimulation, type FakeSimulation } from "./fake-simulation";

let cluster: DemoCluster;
let call: Api;
let sim: FakeSimulation;
const LOG = "/api/v1/namespaces/airflow/pods";

function pod(name: string, containers: string[]) {
  return {
    metadata: { name },
    spec: { containers: containers.map((c) => ({ name: c, image: "apache/airflow:3.0.2" })) },
  };
}

beforeAll(async () => {
  const fake = fakeSimulation({
    "airflow/airflow-scheduler-0/scheduler": [
      "2024-05-01T10:00:00Z scheduler starting",
      "2024-05-01T10:00:01Z DagFileProcessor started",
      "plain line without timestamp",
    ],
  });
  sim = fake.sim;
  cluster = await startTestCluster({ startSimulation: fake.start, scenario: "empty" });
  call = api(cluster);
  await createNamespace(call, "airflow");
  await call("POST", LOG, { body: pod("airflow-scheduler-0", ["scheduler", "git-sync"]) });
  await call("POST", LOG, { body: pod("single", ["main"]) });
});
afterAll(async () => cluster.stop());

describe("pod logs", () => {
  it("returns the lines as text, without timestamps unless asked", async () => {
    const res = await call("GET", `${LOG}/airflow-scheduler-0/log?container=scheduler`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/plain");
    expect(res.text).toBe("scheduler starting\nDagFileProcessor started\nplain line without timestamp\n");
    const ts = await call("GET", `${LOG}/airflow-scheduler-0/log?container=scheduler&timestamps=true`);
    const lines = ts.text.trim().split("\n");
    expect(lines[0]).toBe("2024-05-01T10:00:00Z scheduler starting");
    expect(lines[2]).toMatch(/^\d{4}-\d{2}-\d{2}T[\d:.]+Z plain line without timestamp$/);
  });

  it("honours tailLines", async () => {
    const res = await call("GET", `${LOG}/airflow-scheduler-0/log?container=scheduler&tailLines=1`);
    expect(res.text).toBe("plain line without timestamp\n");
  });

  it("requires a container for multi-container pods and validates it", async () => {
    const res = await call("GET", `${LOG}/airflow-scheduler-0/log`);
    expect(res.status).toBe(400);
    expect(obj(res.json).message).toBe(
      "a container name must be specified for pod airflow-scheduler-0, choose one of: [scheduler git-sync]",
    );
    expect((await call("GET", `${LOG}/airflow-scheduler-0/log?container=nope`)).status).toBe(400);
    expect((await call("GET", `${LOG}/single/log`)).status).toBe(200);
  });

  it("404 for an unknown pod", async () => {
    const res = await call("GET", `${LOG}/ghost/log`);
    expect(res.status).toBe(404);
    expect(obj(res.json).message).toBe('pods "ghost" not found');
  });

  it("viewer may read logs in airflow (pods/log), but not elsewhere", async () => {
    expect((await api(cluster, "viewer")("GET", `${LOG}/single/log`)).status).toBe(200);
    await createNamespace(call, "team-b");
    expect((await api(cluster, "viewer")("GET", "/api/v1/namespaces/team-b/pods/x/log")).status).toBe(403);
  });

  it("follow=true streams new lines and ends when the pod is deleted", async () => {
    const res = await fetch(`${cluster.url}${LOG}/single/log?follow=true`, {
      headers: { Authorization: `Bearer ${cluster.tokens.admin}` },
    });
    expect(res.status).toBe(200);
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    let text = "";
    sim.emitLog("airflow", "single", "main", "2024-05-01T10:00:02Z first streamed line");
    while (!text.includes("first streamed line")) {
      const { value, done } = await reader.read();
      if (done) throw new Error("stream ended early");
      text += decoder.decode(value);
    }
    expect(text).toBe("first streamed line\n");
    await sleep(20);
    await call("DELETE", `${LOG}/single`);
    const rest = await reader.read();
    expect(rest.done).toBe(true);
  });
});

describe("pod logs without a simulation", () => {
  it("404 for unknown pods and an empty log for known ones", async () => {
    const bare = await startTestCluster();
    try {
      const c = api(bare);
      expect((await c("GET", "/api/v1/namespaces/default/pods/ghost/log")).status).toBe(404);
      await c("POST", "/api/v1/namespaces/default/pods", { body: pod("p", ["main"]) });
      const res = await c("GET", "/api/v1/namespaces/default/pods/p/log");
      expect(res.status).toBe(200);
      expect(res.text).toBe("");
    } finally {
      await bare.stop();
    }
  });
});

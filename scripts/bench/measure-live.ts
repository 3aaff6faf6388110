// Live updates: the number of watch connections the API server sees from the app with 0, 1 and 50 SSE clients
// (several users and sessions), then change → SSE `change` event latency for label patches made with the admin
// token straight against the API server.
import { z } from "zod";
import type { AppClient } from "./app-client";
import type { OpenStream } from "./http-client";
import { control, WatchesSchema, type DemoCluster, type KubeClient } from "./kube-client";
import type { Target } from "./measure-api";
import { sleep, summarize, waitFor, type Summary } from "./stats";

const ChangeData = z.object({
  type: z.string(),
  seenAt: z.number(),
  summary: z
    .object({
      resource: z.string(),
      namespace: z.string().nullable(),
      name: z.string(),
      resourceVersion: z.string().nullable(),
    })
    .loose(),
});

interface Arrival {
  at: number;
  seenAt: number;
}

/** One SSE client of /api/v1/stream; remembers when each HelmRelease version arrived. */
class StreamClient {
  readonly arrivals = new Map<string, Arrival>();
  hello = false;
  private stream: OpenStream | undefined;

  constructor(readonly app: AppClient) {}

  async open(): Promise<void> {
    this.stream = await this.app.sse("/api/v1/stream?cluster=demo", (m, at) => {
      if (m.event === "hello") this.hello = true;
      if (m.event !== "change") return;
      const parsed = ChangeData.safeParse(JSON.parse(m.data));
      if (!parsed.success || parsed.data.summary.resource !== "helmreleases") return;
      const s = parsed.data.summary;
      this.arrivals.set(`${s.namespace ?? ""}/${s.name}@${s.resourceVersion ?? ""}`, {
        at,
        seenAt: parsed.data.seenAt,
      });
    });
  }

  close(): void {
    this.stream?.close();
  }
}

/** Watch connections held by the app's own identity (the `fluxtower` kubeconfig user), max of a few readings. */
export async function appWatches(demo: DemoCluster): Promise<number> {
  let max = 0;
  for (let i = 0; i < 3; i++) {
    const w = await control(demo, "/watches", WatchesSchema);
    max = Math.max(max, w.byUser.fluxtower ?? 0);
    await sleep(150);
  }
  return max;
}

export interface WatchCounts {
  at0: number;
  at1: number;
  at50: number;
  clients: StreamClient[];
}

/** Opens 1, then 50 SSE clients spread over `apps` (one session per user), counting watches at each step. */
export async function measureWatches(demo: DemoCluster, apps: AppClient[]): Promise<WatchCounts> {
  const at0 = await appWatches(demo);
  const clients: StreamClient[] = [];
  const openOne = async (i: number) => {
    const c = new StreamClient(apps[i % apps.length]);
    await c.open();
    clients.push(c);
  };
  await openOne(0);
  await waitFor(() => (clients[0].hello ? true : undefined), 5000);
  await sleep(500);
  const at1 = await appWatches(demo);
  await Promise.all(Array.from({ length: 49 }, (_, i) => openOne(i + 1)));
  await waitFor(() => (clients.every((c) => c.hello) ? true : undefined), 10_000);
  await sleep(500);
  const at50 = await appWatches(demo);
  return { at0, at1, at50, clients };
}

export interface Propagation {
  /** Patch request sent → one SSE client (the first opened) has the change event. */
  first: Summary;
  /** Patch request sent → every admin SSE client has it. */
  all: Summary;
  /** Patch request sent → the app's cache saw it (the event's server-side seenAt). */
  toCache: Summary;
  /** The PATCH response arrived → that SSE client has the event (what the app adds after the API server answered). */
  afterPatch: Summary;
  /** The PATCH request itself (baseline). */
  patch: Summary;
  missed: number;
}

export async function measurePropagation(
  admin: KubeClient,
  clients: StreamClient[],
  targets: Target[],
  username: string,
): Promise<Propagation> {
  const watchers = clients.filter((c) => c.app.username === username);
  const first: number[] = [];
  const all: number[] = [];
  const toCache: number[] = [];
  const patch: number[] = [];
  const afterPatch: number[] = [];
  let missed = 0;
  for (const [i, t] of targets.entries()) {
    const path = `/apis/helm.toolkit.fluxcd.io/v2/namespaces/${t.namespace}/helmreleases/${t.name}`;
    const body = { metadata: { labels: { "bench.fluxtower.io/sample": `${Date.now()}-${i}` } } };
    const epoch0 = Date.now();
    const t0 = performance.now();
    const res = await admin.call("PATCH", `${path}?fieldManager=fluxtower-bench`, body, "application/merge-patch+json");
    if (res.status !== 200) throw new Error(`PATCH ${path}: HTTP ${res.status} ${res.body.toString("utf8", 0, 200)}`);
    patch.push(res.ms);
    const rv = z
      .object({ metadata: z.object({ resourceVersion: z.string() }) })
      .parse(JSON.parse(res.body.toString("utf8"))).metadata.resourceVersion;
    const key = `${t.namespace}/${t.name}@${rv}`;
    const got = await waitFor(
      () =>
        watchers.every((c) => c.arrivals.has(key)) ? watchers.map((c) => c.arrivals.get(key) as Arrival) : undefined,
      5000,
      1,
    );
    if (!got) {
      missed += 1;
      continue;
    }
    first.push(got[0].at - t0);
    afterPatch.push(got[0].at - t0 - res.ms);
    all.push(Math.max(...got.map((a) => a.at)) - t0);
    toCache.push(got[0].seenAt - epoch0);
    await sleep(100);
  }
  return {
    first: summarize(first),
    all: summarize(all),
    toCache: summarize(toCache),
    afterPatch: summarize(afterPatch),
    patch: summarize(patch),
    missed,
  };
}

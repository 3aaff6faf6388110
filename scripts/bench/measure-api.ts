// Warm API latency: overview, the HelmRelease list and a trivial signed-in endpoint (the route wrapper's floor),
// against a raw paged LIST of every HelmRelease straight from the API server.
import { gzipSync } from "node:zlib";
import { z } from "zod";
import type { AppClient } from "./app-client";
import type { KubeClient } from "./kube-client";
import { summarize, type Summary } from "./stats";

export interface EndpointResult extends Summary {
  bytes: number;
  gzipBytes: number;
}

/** `warm` untimed calls, then `n` sequential timed calls (request start → last byte). */
export async function measureEndpoint(app: AppClient, path: string, n = 50, warm = 5): Promise<EndpointResult> {
  let body: Buffer = Buffer.alloc(0);
  for (let i = 0; i < warm; i++) {
    const res = await app.get(path);
    if (res.status !== 200) throw new Error(`GET ${path}: HTTP ${res.status} ${res.body.toString("utf8", 0, 300)}`);
  }
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const res = await app.get(path);
    if (res.status !== 200) throw new Error(`GET ${path}: HTTP ${res.status}`);
    samples.push(res.ms);
    body = res.body;
  }
  return { ...summarize(samples), bytes: body.length, gzipBytes: gzipSync(body).length };
}

export interface RawHelmReleaseList extends Summary {
  items: number;
  bytes: number;
}

export const HELMRELEASES = "/apis/helm.toolkit.fluxcd.io/v2/helmreleases";

export async function measureRawHelmReleaseList(kube: KubeClient, n = 10): Promise<RawHelmReleaseList> {
  await kube.listAll(HELMRELEASES); // warm the connection
  const samples: number[] = [];
  let items = 0;
  let bytes = 0;
  for (let i = 0; i < n; i++) {
    const r = await kube.listAll(HELMRELEASES, 500);
    samples.push(r.ms);
    items = r.items;
    bytes = r.bytes;
  }
  return { ...summarize(samples), items, bytes };
}

const ListResponse = z.object({
  items: z.array(
    z
      .object({ namespace: z.string().nullable(), name: z.string(), health: z.object({ status: z.string() }).loose() })
      .loose(),
  ),
});

export interface Target {
  namespace: string;
  name: string;
}

/** Every HelmRelease the list API returns (healthy ones first: those reconcile without side effects). */
export async function helmReleaseTargets(app: AppClient): Promise<Target[]> {
  const list = ListResponse.parse(await app.getJson("/api/v1/clusters/demo/resources?resource=helmreleases"));
  const all = list.items.filter((i): i is typeof i & { namespace: string } => i.namespace !== null);
  const healthy = all.filter((i) => i.health.status === "Healthy");
  return (healthy.length ? healthy : all).map((i) => ({ namespace: i.namespace, name: i.name }));
}

/** `count` targets spread evenly over the list, starting at `offset`. */
export function spread(targets: Target[], count: number, offset = 0): Target[] {
  if (targets.length === 0) return [];
  const step = Math.max(1, Math.floor(targets.length / count));
  return Array.from(
    { length: Math.min(count, targets.length) },
    (_, i) => targets[(offset + i * step) % targets.length],
  );
}

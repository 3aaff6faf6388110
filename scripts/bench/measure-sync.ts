// Cache sync: app process start → /api/readyz 200 (from wait-ready.ts's file), against a raw paged LIST of the
// same kinds the app caches, straight from the demo API server with the app's own token over https.
import fs from "node:fs";
import { z } from "zod";
import { RESOURCES } from "../../lib/kinds/registry";
import { collectionPath } from "../../lib/k8s/paths";
import type { KubeClient } from "./kube-client";
import { processStartEpochMs } from "./proc";
import { median } from "./stats";

const ReadyFile = z.object({ firstResponseAt: z.number().nullish(), readyAt: z.number().nullable() });

export interface CacheSync {
  /** App process spawned → readyz 200. */
  cacheSyncMs: number;
  /** App process spawned → first HTTP answer (Next.js boot). */
  bootMs: number | null;
}

export function readCacheSync(readyFile: string, appPid: number, appStartEpochMs?: number): CacheSync {
  const ready = ReadyFile.parse(JSON.parse(fs.readFileSync(readyFile, "utf8")));
  if (ready.readyAt === null) throw new Error("the app never reported ready (/api/readyz stayed non-200)");
  const spawned = appStartEpochMs ?? processStartEpochMs(appPid);
  return {
    cacheSyncMs: ready.readyAt - spawned,
    bootMs: ready.firstResponseAt ? ready.firstResponseAt - spawned : null,
  };
}

export interface RawList {
  /** Median over runs of the wall time to LIST every kind (kinds in parallel, pages in sequence, like the app). */
  ms: number;
  runs: number[];
  items: number;
  bytes: number;
  perKind: { resource: string; items: number; ms: number }[];
}

/** Lists every kind the app caches, limit=500 pages, kinds in parallel — what the app's caches do at start. */
export async function measureRawList(kube: KubeClient, runs = 3): Promise<RawList> {
  const times: number[] = [];
  let last: { resource: string; items: number; bytes: number; ms: number }[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    last = await Promise.all(
      RESOURCES.map(async (info) => {
        const r = await kube.listAll(collectionPath(info), 500);
        return { resource: info.resource, items: r.items, bytes: r.bytes, ms: r.ms };
      }),
    );
    times.push(performance.now() - started);
  }
  return {
    ms: median(times),
    runs: times,
    items: last.reduce((s, k) => s + k.items, 0),
    bytes: last.reduce((s, k) => s + k.bytes, 0),
    perKind: last.map(({ resource, items, ms }) => ({ resource, items, ms })),
  };
}

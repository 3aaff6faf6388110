// Turns the measurements into the printed table rows (figure, baseline, goal) and the JSON figures.
import type { AckResult } from "./measure-ack";
import type { EndpointResult, RawHelmReleaseList } from "./measure-api";
import type { Propagation } from "./measure-live";
import type { CacheSync, RawList } from "./measure-sync";
import { r1, type Row, type Unit } from "./report";

export interface Measured {
  sync: CacheSync;
  settleMs: number | null;
  rawList: RawList;
  rawHr: RawHelmReleaseList;
  overview: EndpointResult;
  list: EndpointResult;
  noop: EndpointResult;
  watches: { at0: number; at1: number; at50: number };
  prop: Propagation;
  ack: AckResult;
  rssMb: number | null;
  rssAtReadyMb: number | null;
}

const MB = 1_000_000;
const ACK_NA = "n/a (actions API not available)";

function row(
  figure: string,
  value: number | null,
  unit: Unit,
  baseline?: [string, number | null],
  goal?: Row["goal"],
): Row {
  const r: Row = { figure, value, unit };
  if (baseline) r.baseline = { what: baseline[0], value: baseline[1] };
  if (goal) r.goal = goal;
  return r;
}

const atMost = (limit: number, text: string): Row["goal"] => ({ text, met: (v) => v <= limit });
const equalTo = (expected: number, text: string): Row["goal"] => ({ text, met: (v) => v === expected });

export function tableRows(m: Measured): Row[] {
  const { rawHr, prop } = m;
  const hrP50: [string, number] = ["raw LIST of all HelmReleases p50", rawHr.p50];
  const hrP95: [string, number] = ["raw LIST of all HelmReleases p95", rawHr.p95];
  const patchP50: [string, number] = ["the PATCH request p50", prop.patch.p50];
  const patchP95: [string, number] = ["the PATCH request p95", prop.patch.p95];
  const json: [string, number] = ["JSON size of the cached objects (raw LIST)", m.rawList.bytes / 1024 / 1024];
  const objects = m.rawList.items.toLocaleString("en-US");
  const rows: Row[] = [
    row("cache sync (app start → readyz 200)", m.sync.cacheSyncMs, "ms", [
      `raw LIST of the same ${objects} objects`,
      m.rawList.ms,
    ]),
    row("  of which Next.js boot (first answer)", m.sync.bootMs, "ms"),
    { ...row("app busy after readyz (background work)", m.settleMs, "ms"), na: "> 120 s (still busy)" },
    row("overview p50", m.overview.p50, "ms", hrP50),
    row("overview p95", m.overview.p95, "ms", hrP95, atMost(50, "≤ 50 ms")),
    row(
      "overview payload",
      m.overview.bytes,
      "bytes",
      ["raw LIST of all HelmReleases", rawHr.bytes],
      atMost(MB, "≤ 1 MB"),
    ),
    row("list helmreleases p50", m.list.p50, "ms", hrP50),
    row("list helmreleases p95", m.list.p95, "ms", hrP95, atMost(50, "≤ 50 ms")),
    row("list helmreleases payload", m.list.bytes, "bytes", [`raw LIST of ${rawHr.items} HelmReleases`, rawHr.bytes]),
    row("signed-in no-op p95 (GET /api/v1/clusters)", m.noop.p95, "ms", hrP95),
    row(
      "API watches, 1 SSE client",
      m.watches.at1,
      "count",
      ["no SSE client", m.watches.at0],
      equalTo(m.watches.at0, "= no client"),
    ),
    row(
      "API watches, 50 SSE clients",
      m.watches.at50,
      "count",
      ["1 SSE client", m.watches.at1],
      equalTo(m.watches.at1, "= 1 client"),
    ),
    row("change → SSE event p50", prop.first.p50, "ms", patchP50),
    row("change → SSE event p95", prop.first.p95, "ms", patchP95, atMost(250, "≤ 250 ms")),
    row("  change → app cache p95 (seenAt)", prop.toCache.p95, "ms", patchP95),
    row("  PATCH answered → SSE event p95", prop.afterPatch.p95, "ms", patchP95),
    row("  change → all admin SSE clients p95", prop.all.p95, "ms", patchP95),
    row("server RSS (next-server)", m.rssMb, "MB", json),
    row("  server RSS right after sync", m.rssAtReadyMb, "MB", json),
  ];
  const a = m.ack.available ? m.ack : undefined;
  const ackRows: Row[] = [
    row("click→acknowledged p50 (net)", a?.net.p50 ?? null, "ms", ["raw PATCH p50", prop.patch.p50]),
    row("click→acknowledged p95 (net)", a?.net.p95 ?? null, "ms", ["raw PATCH p95", prop.patch.p95]),
    row("  gross p50 (incl. controller)", a?.gross.p50 ?? null, "ms", [
      "controller delay p50",
      a?.controller.p50 ?? null,
    ]),
    row("  gross p95 (incl. controller)", a?.gross.p95 ?? null, "ms", [
      "controller delay p95",
      a?.controller.p95 ?? null,
    ]),
    row("  POST /actions → 202 p95", a?.post.p95 ?? null, "ms", ["raw PATCH p95", prop.patch.p95]),
    row("  controller's write → ack stored p95", a?.tracker.p95 ?? null, "ms", ["raw PATCH p95", prop.patch.p95]),
    row("  ack stored → operation SSE p95", a?.delivery.p95 ?? null, "ms", ["raw PATCH p95", prop.patch.p95]),
  ];
  return [...rows, ...ackRows.map((r) => (a ? r : { ...r, na: ACK_NA }))];
}

/** The figures of .data/bench/latest.json: the required keys first, then baselines and breakdowns. */
export function jsonFigures(m: Measured): Record<string, number | null> {
  const { prop } = m;
  const a = m.ack.available ? m.ack : undefined;
  return {
    cacheSyncMs: r1(m.sync.cacheSyncMs),
    rawListMs: r1(m.rawList.ms),
    overviewP50Ms: r1(m.overview.p50),
    overviewP95Ms: r1(m.overview.p95),
    listP95Ms: r1(m.list.p95),
    overviewBytes: m.overview.bytes,
    watchesAt1Client: m.watches.at1,
    watchesAt50Clients: m.watches.at50,
    propagationP50Ms: r1(prop.first.p50),
    propagationP95Ms: r1(prop.first.p95),
    rssMb: r1(m.rssMb),
    ackP50Ms: r1(a?.net.p50),
    ackP95Ms: r1(a?.net.p95),
    // baselines and breakdowns
    bootMs: r1(m.sync.bootMs),
    settleMs: r1(m.settleMs),
    rawListBytes: m.rawList.bytes,
    rawListItems: m.rawList.items,
    rawHelmReleaseListP50Ms: r1(m.rawHr.p50),
    rawHelmReleaseListP95Ms: r1(m.rawHr.p95),
    rawHelmReleaseListBytes: m.rawHr.bytes,
    overviewGzipBytes: m.overview.gzipBytes,
    listP50Ms: r1(m.list.p50),
    listBytes: m.list.bytes,
    noopP50Ms: r1(m.noop.p50),
    noopP95Ms: r1(m.noop.p95),
    watchesAt0Clients: m.watches.at0,
    patchP50Ms: r1(prop.patch.p50),
    patchP95Ms: r1(prop.patch.p95),
    propagationToCacheP95Ms: r1(prop.toCache.p95),
    propagationAfterPatchP95Ms: r1(prop.afterPatch.p95),
    propagationAllClientsP95Ms: r1(prop.all.p95),
    rssAtReadyMb: r1(m.rssAtReadyMb),
    ackGrossP50Ms: r1(a?.gross.p50),
    ackGrossP95Ms: r1(a?.gross.p95),
    controllerDelayP50Ms: r1(a?.controller.p50),
    controllerDelayP95Ms: r1(a?.controller.p95),
    ackPostP95Ms: r1(a?.post.p95),
    ackTrackerP95Ms: r1(a?.tracker.p95),
    ackDeliveryP95Ms: r1(a?.delivery.p95),
  };
}

export const METHODS = `
Methods: latencies are request start → last byte, sequential, warm; p50/p95 are nearest-rank. Cache sync starts at the
app process's start time (/proc) and ends at the first 200 of /api/readyz (polled every 50 ms); the raw LIST baseline
lists the same kinds with the app's token (kinds in parallel, limit=500 pages). Measurements start once the app's CPU
drops below 0.15 core for 3 s (the "app busy" row). Watches are counted by the demo API server (/__demo/watches,
user fluxtower). Propagation: PATCH a label with the admin token, wait for the SSE \`change\` event that carries the
returned resourceVersion (the PATCH itself is the baseline; "PATCH answered → SSE event" is the app's own share).`;

export const ACK_METHOD = `Click→acknowledged: POST /actions → first operation SSE event carrying acknowledgedAt. The demo controller's delay
comes from an admin watch on HelmReleases: (event with status.lastHandledReconcileAt = token) − (event carrying the
requestedAt token), both stamped on the same connection; net = gross − that delay, per sample.`;

// Parsing of the SSE events of /api/v1/stream. Pure: returns null for anything that does not fit, so a bad event
// is dropped (and reported by the caller) instead of corrupting caches.
import { z } from "zod";
import type { EventView } from "@/lib/views/detail";
import type { ResourceSummary } from "@/lib/views/summary";
import type { SummaryChangeEvent } from "./apply-change";
import type { ClusterStatusView } from "./types";

const verdict = z.object({
  status: z.enum(["Healthy", "Progressing", "Degraded", "Suspended", "Unknown"]),
  reason: z.string(),
  message: z.string(),
  stale: z.boolean(),
  stalled: z.boolean(),
});

const summary = z.looseObject({
  resource: z.string().min(1),
  kind: z.string(),
  namespace: z.string().nullable(),
  name: z.string().min(1),
  health: z.looseObject(verdict.shape),
  suspended: z.boolean(),
});

const change = z.object({
  type: z.enum(["ADDED", "MODIFIED", "DELETED"]),
  summary,
  seenAt: z.number().optional(),
});

const status = z.object({
  cluster: z.string(),
  status: z.looseObject({
    status: z.enum(["connected", "stale", "error", "syncing"]),
    staleSince: z.string().nullish(),
    lastSyncAt: z.string().nullish(),
    message: z.string().optional(),
  }),
});

const eventView = z.object({
  type: z.string(),
  reason: z.string(),
  message: z.string(),
  count: z.number(),
  firstTimestamp: z.string().nullable(),
  lastTimestamp: z.string().nullable(),
  source: z.string(),
  involved: z.object({ kind: z.string(), namespace: z.string().nullable(), name: z.string() }),
});

const eventChange = z.object({
  type: z.enum(["ADDED", "MODIFIED"]),
  namespace: z.string().nullable(),
  event: eventView,
});

/** An `event` event: a Kubernetes Event was recorded or counted again. */
export interface EventChangeEvent {
  type: "ADDED" | "MODIFIED";
  namespace: string | null;
  event: EventView;
}

function json(data: string): unknown {
  try {
    return JSON.parse(data);
  } catch {
    return undefined;
  }
}

export function parseChangeEvent(data: string): SummaryChangeEvent | null {
  const r = change.safeParse(json(data));
  if (!r.success) return null;
  return { type: r.data.type, summary: r.data.summary as unknown as ResourceSummary, seenAt: r.data.seenAt ?? Date.now() };
}

/** `hello` and `status` events: { cluster, status: { status, staleSince, lastSyncAt, message } }. */
export function parseStatusEvent(data: string): { cluster: string; status: ClusterStatusView } | null {
  const r = status.safeParse(json(data));
  if (!r.success) return null;
  const s = r.data.status;
  return {
    cluster: r.data.cluster,
    status: { status: s.status, staleSince: s.staleSince ?? null, lastSyncAt: s.lastSyncAt ?? null, message: s.message ?? "" },
  };
}

export function parseEventChange(data: string): EventChangeEvent | null {
  const r = eventChange.safeParse(json(data));
  return r.success ? r.data : null;
}

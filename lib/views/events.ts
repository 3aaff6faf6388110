// core/v1 Event → EventView. Pure mapper.
import type { KubeObject } from "@/lib/kinds/object";
import type { EventView } from "./detail";

interface RawEvent {
  type?: string;
  reason?: string;
  message?: string;
  count?: number;
  firstTimestamp?: string;
  lastTimestamp?: string;
  eventTime?: string;
  source?: { component?: string };
  reportingController?: string;
  involvedObject?: { kind?: string; namespace?: string; name?: string };
}

export function toEventView(obj: KubeObject): EventView {
  const e = obj as unknown as RawEvent;
  const last = e.lastTimestamp ?? e.eventTime ?? obj.metadata.creationTimestamp ?? null;
  return {
    type: e.type ?? "Normal",
    reason: e.reason ?? "",
    message: e.message ?? "",
    count: e.count ?? 1,
    firstTimestamp: e.firstTimestamp ?? last,
    lastTimestamp: last,
    source: e.source?.component ?? e.reportingController ?? "",
    involved: { kind: e.involvedObject?.kind ?? "", namespace: e.involvedObject?.namespace ?? null, name: e.involvedObject?.name ?? "" },
  };
}

/** Newest first. */
export function byLastSeenDesc(a: EventView, b: EventView): number {
  return (b.lastTimestamp ?? "").localeCompare(a.lastTimestamp ?? "");
}

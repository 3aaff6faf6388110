"use client";

// Live checklist updates: one EventSource per mounted page on /api/v1/checklists/stream; each `checklist` event
// (a release was re-evaluated on the server) refetches the affected queries, at most every 500 ms.
import { useQueryClient, type QueryKey } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import type { ChecklistStreamEvent } from "@/lib/checklist-service/api-types";

export type StreamState = "connecting" | "open" | "down";

function parse(data: string): ChecklistStreamEvent | undefined {
  try {
    const v = JSON.parse(data) as Partial<ChecklistStreamEvent>;
    return typeof v.cluster === "string" && typeof v.namespace === "string" && typeof v.release === "string"
      ? (v as ChecklistStreamEvent)
      : undefined;
  } catch {
    return undefined;
  }
}

/** Keeps a stream open for `cluster` (optionally one release) and invalidates `keys(event)` on each event. */
export function useChecklistStream(
  cluster: string,
  filter: { namespace?: string; release?: string },
  keys: (e: ChecklistStreamEvent) => QueryKey[],
): StreamState {
  const qc = useQueryClient();
  const [state, setState] = useState<StreamState>("connecting");
  const { namespace, release } = filter;
  const keysRef = useRef(keys);
  useEffect(() => {
    keysRef.current = keys;
  });
  useEffect(() => {
    const params = new URLSearchParams({ cluster });
    if (namespace) params.set("namespace", namespace);
    if (release) params.set("release", release);
    const source = new EventSource(`/api/v1/checklists/stream?${params}`);
    let timer: ReturnType<typeof setTimeout> | null = null;
    const pending: QueryKey[] = [];
    source.onopen = () => setState("open");
    source.onerror = () => setState("down");
    source.addEventListener("checklist", (e: MessageEvent<string>) => {
      const event = parse(e.data);
      if (!event) return console.warn("fluxtower: ignored a malformed checklist event");
      pending.push(...keysRef.current(event));
      if (timer) return;
      timer = setTimeout(() => {
        timer = null;
        for (const queryKey of pending.splice(0)) void qc.invalidateQueries({ queryKey });
      }, 500);
    });
    source.addEventListener("end", () => {
      source.close();
      setState("down");
    });
    return () => {
      if (timer) clearTimeout(timer);
      source.close();
    };
  }, [cluster, namespace, release, qc]);
  return state;
}

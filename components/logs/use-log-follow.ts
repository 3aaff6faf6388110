"use client";

import { useEffect, useState } from "react";
import { api, errorMessage } from "@/components/ui/api";

export type FollowStatus = "connecting" | "streaming" | "ended" | "disconnected" | "error";

export interface FollowState {
  status: FollowStatus;
  lines: string[];
  error: string | null;
}

const MAX_LINES = 5_000;

/**
 * Follows a pod log over SSE (`event: line` = one JSON string, `event: end`, `event: error`). Lines are batched
 * (one render per 100 ms). The stream is not resumed automatically after a drop (that would repeat the tail);
 * the caller offers a reconnect instead. When the connection fails, one plain request to `probeUrl` (the same log
 * without follow) finds out why (not found, forbidden, signed out). Mount it under a `key` to start afresh.
 */
export function useLogFollow(url: string, probeUrl: string): FollowState {
  const [state, setState] = useState<FollowState>({ status: "connecting", lines: [], error: null });
  useEffect(() => {
    const source = new EventSource(url);
    let buffer: string[] = [];
    let timer: ReturnType<typeof setTimeout> | null = null;
    const flush = () => {
      timer = null;
      const add = buffer;
      buffer = [];
      setState((s) => {
        const lines = s.lines.concat(add);
        return { ...s, lines: lines.length > MAX_LINES ? lines.slice(lines.length - MAX_LINES) : lines };
      });
    };
    const finish = (status: FollowStatus, error: string | null) => {
      source.close();
      if (timer) clearTimeout(timer);
      flush();
      setState((s) => ({ ...s, status, error }));
    };
    source.onopen = () => setState((s) => ({ ...s, status: "streaming" }));
    source.addEventListener("line", (e: MessageEvent<string>) => {
      try {
        const line: unknown = JSON.parse(e.data);
        buffer.push(typeof line === "string" ? line : String(line));
      } catch {
        buffer.push(e.data);
      }
      if (!timer) timer = setTimeout(flush, 100);
    });
    source.addEventListener("end", () => finish("ended", null));
    source.addEventListener("error", (e: Event) => {
      // A server-sent `event: error` carries data; a connection failure is a plain Event.
      if (e instanceof MessageEvent && typeof e.data === "string") {
        let message = e.data;
        try {
          message = (JSON.parse(e.data) as { message?: string }).message ?? e.data;
        } catch {
          /* keep the raw text */
        }
        finish("error", message);
      } else {
        finish("disconnected", "the log stream was interrupted");
        api<unknown>(probeUrl).then(
          () => undefined,
          (err: unknown) => setState((st) => ({ ...st, status: "error", error: errorMessage(err) })),
        );
      }
    });
    return () => {
      source.close();
      if (timer) clearTimeout(timer);
    };
  }, [url, probeUrl]);
  return state;
}

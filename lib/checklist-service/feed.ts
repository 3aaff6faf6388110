// In-process feed of checklist re-evaluations: the monitor and the mutation paths publish, SSE streams subscribe.
import "server-only";
import { EventEmitter } from "node:events";
import type { ChecklistStreamEvent } from "./api-types";

const holder = globalThis as unknown as { fluxtowerChecklistFeed?: EventEmitter };

function emitter(): EventEmitter {
  if (!holder.fluxtowerChecklistFeed) {
    holder.fluxtowerChecklistFeed = new EventEmitter();
    holder.fluxtowerChecklistFeed.setMaxListeners(0);
  }
  return holder.fluxtowerChecklistFeed;
}

export function publishEvaluation(event: ChecklistStreamEvent): void {
  emitter().emit("evaluated", event);
}

export function subscribeEvaluations(listener: (event: ChecklistStreamEvent) => void): () => void {
  emitter().on("evaluated", listener);
  return () => emitter().off("evaluated", listener);
}

// In-process feed of operation changes (tracker → SSE streams). The database stays the source of truth: streams
// also re-read the row periodically, so a stream served by another replica still sees progress.
import "server-only";
import { EventEmitter } from "node:events";
import type { OperationView } from "./view";

const holder = globalThis as unknown as { fluxtowerOperationFeed?: EventEmitter };

function emitter(): EventEmitter {
  if (!holder.fluxtowerOperationFeed) {
    holder.fluxtowerOperationFeed = new EventEmitter();
    holder.fluxtowerOperationFeed.setMaxListeners(0);
  }
  return holder.fluxtowerOperationFeed;
}

export function publishOperation(op: OperationView): void {
  emitter().emit(`op:${op.id}`, op);
  emitter().emit("op", op);
}

/** Calls `listener` on every change of one operation; returns the unsubscribe function. */
export function subscribeOperation(id: string, listener: (op: OperationView) => void): () => void {
  emitter().on(`op:${id}`, listener);
  return () => emitter().off(`op:${id}`, listener);
}

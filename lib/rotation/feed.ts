// In-process notifications of rotation changes (runner → SSE streams). The database stays the source of truth:
// streams re-read the row, so a rotation driven by another replica is still seen.
import "server-only";
import { EventEmitter } from "node:events";

const holder = globalThis as unknown as { fluxtowerRotationFeed?: EventEmitter };

function emitter(): EventEmitter {
  if (!holder.fluxtowerRotationFeed) {
    holder.fluxtowerRotationFeed = new EventEmitter();
    holder.fluxtowerRotationFeed.setMaxListeners(0);
  }
  return holder.fluxtowerRotationFeed;
}

export function publishRotation(id: string): void {
  emitter().emit(`rotation:${id}`);
}

export function subscribeRotation(id: string, listener: () => void): () => void {
  emitter().on(`rotation:${id}`, listener);
  return () => emitter().off(`rotation:${id}`, listener);
}

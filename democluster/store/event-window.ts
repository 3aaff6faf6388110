// Fixed-size ring of the most recent store events, in resourceVersion order, for watch resume.
import type { ResourceType, WatchEventType } from "./types";
import type { Entry } from "./entry";

export interface RawEvent {
  rv: number;
  type: WatchEventType;
  resource: ResourceType;
  typeKey: string;
  entry: Entry; // state after the event (for DELETED: the final state)
  previous?: Entry; // state before (MODIFIED, DELETED)
}

export class EventWindow {
  private readonly ring: (RawEvent | undefined)[];
  private start = 0; // index of the oldest event
  private count = 0;
  /** Highest resourceVersion whose event has been evicted (0 = nothing evicted yet). */
  private evictedUpTo = 0;

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1)
      throw new Error(`event window capacity must be >= 1, got ${capacity}`);
    this.ring = new Array<RawEvent | undefined>(capacity);
  }

  push(event: RawEvent): void {
    if (this.count === this.capacity) {
      const oldest = this.ring[this.start];
      if (oldest) this.evictedUpTo = oldest.rv;
      this.ring[this.start] = event;
      this.start = (this.start + 1) % this.capacity;
      return;
    }
    this.ring[(this.start + this.count) % this.capacity] = event;
    this.count++;
  }

  /** Oldest resourceVersion a watch may resume from. */
  oldestResumable(): number {
    return this.evictedUpTo;
  }

  /** Events with rv > sinceRv, or undefined when some of them were already evicted (410 Gone). */
  since(sinceRv: number): RawEvent[] | undefined {
    if (sinceRv < this.evictedUpTo) return undefined;
    const out: RawEvent[] = [];
    for (let i = 0; i < this.count; i++) {
      const ev = this.ring[(this.start + i) % this.capacity];
      if (ev && ev.rv > sinceRv) out.push(ev);
    }
    return out;
  }
}

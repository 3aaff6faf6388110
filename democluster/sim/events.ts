// core/v1 Events like the real controllers emit: aggregated by (object, reason, message, component) with count and
// first/last timestamps, capped so a long demo run does not grow without bound.
import type { KObject, Store } from "../store/types";
import { R } from "./resources";
import { nowTime } from "./objects";
import type { Rng } from "./random";
import { StatusError } from "../store/errors";

export type EventType = "Normal" | "Warning";

const MAX_EVENTS = 3000;

interface Recorded {
  namespace: string;
  name: string;
}

export class EventRecorder {
  private readonly byKey = new Map<string, Recorded>();
  private readonly order: string[] = [];
  enabled = true;

  constructor(
    private readonly store: Store,
    private readonly rng: Rng,
  ) {}

  record(obj: KObject, type: EventType, reason: string, message: string, component: string, fieldPath?: string): void {
    if (!this.enabled) return;
    const namespace = obj.metadata.namespace ?? "default";
    const key = [
      obj.kind,
      namespace,
      obj.metadata.name,
      obj.metadata.uid,
      reason,
      message,
      component,
      fieldPath ?? "",
    ].join("\u0000");
    const now = nowTime();
    const existing = this.byKey.get(key);
    if (existing) {
      const updated = this.store.mutate(
        R.events,
        existing.namespace,
        existing.name,
        (ev) => {
          ev.count = (typeof ev.count === "number" ? ev.count : 1) + 1;
          ev.lastTimestamp = now;
        },
        { fieldManager: component },
      );
      if (updated) return;
      this.byKey.delete(key);
    }
    const name = `${obj.metadata.name}.${Date.now().toString(16)}${this.rng.hex(6)}`;
    const involvedObject: Record<string, string> = {
      apiVersion: obj.apiVersion,
      kind: obj.kind,
      name: obj.metadata.name,
      uid: obj.metadata.uid ?? "",
      resourceVersion: obj.metadata.resourceVersion ?? "",
    };
    if (obj.metadata.namespace) involvedObject.namespace = obj.metadata.namespace;
    if (fieldPath) involvedObject.fieldPath = fieldPath;
    const event: KObject = {
      apiVersion: "v1",
      kind: "Event",
      metadata: { name, namespace },
      involvedObject,
      reason,
      message,
      type,
      count: 1,
      firstTimestamp: now,
      lastTimestamp: now,
      source: { component },
      reportingComponent: component,
      reportingInstance: `${component}-${this.rng.suffix(5)}`,
      eventTime: null,
    };
    try {
      this.store.create(R.events, event, { fieldManager: component });
    } catch (err) {
      if (err instanceof StatusError && err.code === 409) return; // same millisecond + same random suffix: drop duplicate
      throw err;
    }
    this.byKey.set(key, { namespace, name });
    this.order.push(key);
    while (this.order.length > MAX_EVENTS) this.evict(this.order.shift() as string);
  }

  private evict(key: string): void {
    const rec = this.byKey.get(key);
    this.byKey.delete(key);
    if (!rec) return;
    try {
      this.store.delete(R.events, rec.namespace, rec.name);
    } catch (err) {
      if (!(err instanceof StatusError && err.code === 404)) throw err;
    }
  }
}

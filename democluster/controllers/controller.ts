// Base for simulated controllers: store events only enqueue work (never write synchronously); reconciles run on
// the simulation scheduler, keyed per object, so pausing a kind/namespace holds them.
import type { KObject, ResourceKey, StoreEvent } from "../store/types";
import type { SimContext } from "../sim/context";
import { sameKey } from "../sim/resources";

export interface Controller {
  readonly name: string;
  /** Synchronous store listener: must only enqueue. */
  onEvent(event: StoreEvent): void;
  /** After the scenario is loaded: enqueue whatever needs work. */
  start(): void;
}

export abstract class ReconcileLoop implements Controller {
  constructor(
    protected readonly ctx: SimContext,
    readonly name: string,
    protected readonly kind: string,
    protected readonly key: ResourceKey,
  ) {}

  abstract onEvent(event: StoreEvent): void;
  abstract start(): void;
  protected abstract reconcile(namespace: string | undefined, name: string): void;

  protected is(event: StoreEvent, key: ResourceKey = this.key): boolean {
    return sameKey(event.resource, key);
  }

  /** Reconcile after `delayMs` (unscaled); an earlier pending request wins. */
  enqueue(namespace: string | undefined, name: string, delayMs = 0): void {
    this.ctx.scheduler.schedule(this.taskId(namespace, name), { kind: this.kind, namespace }, delayMs, () =>
      this.run(namespace, name),
    );
  }

  enqueueObj(obj: KObject, delayMs = 0): void {
    this.enqueue(obj.metadata.namespace, obj.metadata.name, delayMs);
  }

  protected forget(namespace: string | undefined, name: string): void {
    this.ctx.scheduler.cancel(this.taskId(namespace, name));
  }

  protected get(namespace: string | undefined, name: string): KObject | undefined {
    return this.ctx.store.get(this.key, namespace, name);
  }

  /** Writes .status through the status subresource (no-op writes are dropped by the store). */
  protected writeStatus(
    namespace: string | undefined,
    name: string,
    fn: (status: Record<string, unknown>, obj: KObject) => void,
  ): KObject | undefined {
    return this.ctx.store.mutate(
      this.key,
      namespace,
      name,
      (obj) => {
        const status = (obj.status && typeof obj.status === "object" ? obj.status : {}) as Record<string, unknown>;
        fn(status, obj);
        obj.status = status;
      },
      { subresource: "status", fieldManager: this.name },
    );
  }

  /** Writes metadata/spec (e.g. finalizers) as this controller. */
  protected writeMain(namespace: string | undefined, name: string, fn: (obj: KObject) => void): KObject | undefined {
    return this.ctx.store.mutate(this.key, namespace, name, fn, { fieldManager: this.name });
  }

  private taskId(namespace: string | undefined, name: string): string {
    return `${this.name}:${this.kind}:${namespace ?? ""}/${name}`;
  }

  private run(namespace: string | undefined, name: string): void {
    try {
      this.reconcile(namespace, name);
    } catch (err) {
      this.ctx.reportError(`${this.name} ${this.kind} ${namespace ?? ""}/${name}`, err);
      // A failed reconcile is retried like controller-runtime's rate limiter would.
      this.enqueue(namespace, name, 5000);
    }
  }
}

/** Adds a finalizer if missing; returns true when a write happened. */
export function ensureFinalizer(obj: KObject, finalizer: string): boolean {
  const list = obj.metadata.finalizers ?? [];
  if (list.includes(finalizer)) return false;
  obj.metadata.finalizers = [...list, finalizer];
  return true;
}

export function removeFinalizer(obj: KObject, finalizer: string): void {
  const list = (obj.metadata.finalizers ?? []).filter((f) => f !== finalizer);
  if (list.length) obj.metadata.finalizers = list;
  else delete obj.metadata.finalizers;
}

export const FLUX_FINALIZER = "finalizers.fluxcd.io";
export const REQUESTED_AT = "reconcile.fluxcd.io/requestedAt";
export const FORCE_AT = "reconcile.fluxcd.io/forceAt";
export const RESET_AT = "reconcile.fluxcd.io/resetAt";

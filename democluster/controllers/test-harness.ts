// Helpers for the simulation tests: a real store (MemoryStore with the served types) + startSimulation at a high
// speed-up, polling waits with timeouts, and kubectl-like writes with explicit field managers.
import { MemoryStore } from "../store/memory-store";
import { STORED_TYPES } from "../registrations";
import type { KObject, ResourceKey } from "../store/types";
import type { Simulation } from "../sim/types";
import { startSimulation } from "../sim/simulation";
import { R, resolveKind } from "../sim/resources";
import { getCondition, type Condition } from "../sim/conditions";

export const FAST = 0.02;

export interface Harness {
  store: MemoryStore;
  sim: Simulation;
  stop(): Promise<void>;
}

export async function startHarness(
  scenario = "empty",
  timeScale = FAST,
  params?: Record<string, string>,
): Promise<Harness> {
  const store = new MemoryStore(STORED_TYPES, { eventWindow: 50_000 });
  const sim = await startSimulation(store, { scenario, timeScale, params });
  return { store, sim, stop: () => sim.stop() };
}

export async function waitFor<T>(
  what: string,
  fn: () => T | undefined | null | false,
  timeoutMs = 10_000,
  intervalMs = 20,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = fn();
      if (v !== undefined && v !== null && v !== false) return v;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline)
      throw new Error(
        `timed out after ${timeoutMs} ms waiting for ${what}${last ? ` (last error: ${String(last)})` : ""}`,
      );
    await sleep(intervalMs);
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

export function cond(obj: KObject | undefined, type: string): Condition | undefined {
  return getCondition(obj, type);
}

/** Creates manifests in order (like kubectl apply of a fresh cluster). */
export function apply(store: MemoryStore, manifests: KObject[], fieldManager = "kubectl-client-side-apply"): void {
  for (const m of manifests) {
    const kind = resolveKind(store, m.apiVersion, m.kind);
    if (!kind) throw new Error(`unknown kind ${m.apiVersion} ${m.kind}`);
    store.create(kind.key, m, { fieldManager });
  }
}

/** kubectl annotate --overwrite (fieldManager kubectl-annotate unless given). */
export function annotate(
  store: MemoryStore,
  key: ResourceKey,
  ns: string | undefined,
  name: string,
  annotations: Record<string, string>,
  fieldManager = "kubectl-annotate",
): KObject {
  const out = store.mutate(
    key,
    ns,
    name,
    (o) => {
      o.metadata.annotations = { ...(o.metadata.annotations ?? {}), ...annotations };
    },
    { fieldManager },
  );
  if (!out) throw new Error(`annotate: ${ns}/${name} not found`);
  return out;
}

export function patchSpec(
  store: MemoryStore,
  key: ResourceKey,
  ns: string | undefined,
  name: string,
  fn: (spec: Record<string, unknown>) => void,
  fieldManager = "kubectl-patch",
): KObject {
  const out = store.mutate(
    key,
    ns,
    name,
    (o) => {
      o.spec = o.spec ?? {};
      fn(o.spec as Record<string, unknown>);
    },
    { fieldManager },
  );
  if (!out) throw new Error(`patch: ${ns}/${name} not found`);
  return out;
}

export function events(store: MemoryStore, kind: string, name: string, reason?: string): KObject[] {
  return store.list(R.events).filter((e) => {
    const io = e.involvedObject as { kind?: string; name?: string };
    return io.kind === kind && io.name === name && (reason === undefined || e.reason === reason);
  });
}

export function secretValue(obj: KObject | undefined, key: string): string | undefined {
  const data = obj?.data as Record<string, string> | undefined;
  return data?.[key] === undefined ? undefined : Buffer.from(data[key], "base64").toString("utf8");
}

export function token(): string {
  return new Date().toISOString().replace("Z", `${Math.floor(Math.random() * 1000)}Z`);
}

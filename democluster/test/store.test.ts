// MemoryStore semantics: resourceVersion, generation, status subresource, managedFields, finalizers, garbage
// collection, no-op writes, dry run, and the retained event window.
import { describe, expect, it } from "vitest";
import { MemoryStore } from "../store/memory-store";
import { StatusError } from "../store/errors";
import { STORED_TYPES } from "../registrations";
import type { KObject, StoreEvent } from "../store/types";

const HR = { group: "helm.toolkit.fluxcd.io", plural: "helmreleases" };
const SECRET = { group: "", plural: "secrets" };
const CM = { group: "", plural: "configmaps" };
const NS = { group: "", plural: "namespaces" };

// A HelmRelease must name its chart (the CRD's CEL rule: "either chart or chartRef must be set").
const CHART = { spec: { chart: "airflow", sourceRef: { kind: "HelmRepository", name: "apache-airflow" } } };

function hr(name: string, spec: Record<string, unknown> = { interval: "5m", chart: CHART }): KObject {
  return {
    apiVersion: "helm.toolkit.fluxcd.io/v2",
    kind: "HelmRelease",
    metadata: { name, namespace: "airflow" },
    spec,
  };
}

function statusError(fn: () => unknown): StatusError {
  try {
    fn();
  } catch (err) {
    if (err instanceof StatusError) return err;
    throw err;
  }
  throw new Error("expected a StatusError");
}

describe("MemoryStore", () => {
  it("assigns uid, creationTimestamp, generation 1 and a monotonically increasing resourceVersion", () => {
    const store = new MemoryStore(STORED_TYPES);
    const a = store.create(HR, hr("a"));
    const b = store.create(HR, hr("b"));
    expect(a.metadata.uid).toMatch(/^[0-9a-f-]{36}$/);
    expect(a.metadata.creationTimestamp).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    expect(a.metadata.generation).toBe(1);
    expect(Number(b.metadata.resourceVersion)).toBeGreaterThan(Number(a.metadata.resourceVersion));
    expect(store.currentResourceVersion()).toBe(b.metadata.resourceVersion);
    expect(statusError(() => store.create(HR, hr("a"))).code).toBe(409);
  });

  it("returns copies: mutating a returned object does not change the store", () => {
    const store = new MemoryStore(STORED_TYPES);
    const a = store.create(HR, hr("a"));
    a.spec.interval = "1h";
    expect(store.get(HR, "airflow", "a")?.spec.interval).toBe("5m");
  });

  it("bumps generation only when spec changes", () => {
    const store = new MemoryStore(STORED_TYPES);
    store.create(HR, hr("a"));
    const labelled = store.mutate(HR, "airflow", "a", (o) => {
      o.metadata.labels = { team: "data" };
    });
    expect(labelled?.metadata.generation).toBe(1);
    const changed = store.mutate(HR, "airflow", "a", (o) => {
      o.spec.suspend = true;
    });
    expect(changed?.metadata.generation).toBe(2);
    const status = store.mutate(
      HR,
      "airflow",
      "a",
      (o) => {
        o.status = { observedGeneration: 2 };
      },
      { subresource: "status" },
    );
    expect(status?.metadata.generation).toBe(2);
  });

  it("never bumps generation for kinds without spec (Secret)", () => {
    const store = new MemoryStore(STORED_TYPES);
    store.create(SECRET, {
      apiVersion: "v1",
      kind: "Secret",
      metadata: { name: "s", namespace: "airflow" },
      data: { a: "eA==" },
    });
    const updated = store.mutate(SECRET, "airflow", "s", (o) => {
      o.data = { a: "eQ==" };
    });
    expect(updated?.data).toEqual({ a: "eQ==" });
    expect(updated?.metadata.generation).toBe(1);
  });

  it("ignores .status on main writes and everything but .status on status writes", () => {
    const store = new MemoryStore(STORED_TYPES);
    store.create(HR, { ...hr("a"), status: { observedGeneration: 1 } });
    const main = store.mutate(HR, "airflow", "a", (o) => {
      o.status = { observedGeneration: 99 };
      o.spec.interval = "10m";
    });
    expect(main?.status).toEqual({ observedGeneration: 1 });
    expect(main?.spec.interval).toBe("10m");
    const st = store.mutate(
      HR,
      "airflow",
      "a",
      (o) => {
        o.status = { observedGeneration: 2 };
        o.spec.interval = "99m";
        o.metadata.labels = { sneaky: "yes" };
      },
      { subresource: "status" },
    );
    expect(st?.status).toEqual({ observedGeneration: 2 });
    expect(st?.spec.interval).toBe("10m");
    expect(st?.metadata.labels).toBeUndefined();
  });

  it("keeps .status on main writes for kinds without a status subresource", () => {
    const store = new MemoryStore(STORED_TYPES);
    store.create(CM, {
      apiVersion: "v1",
      kind: "ConfigMap",
      metadata: { name: "c", namespace: "n" },
      data: { a: "1" },
    });
    const cur = store.get(CM, "n", "c") as KObject;
    const next = store.update(CM, { ...cur, data: { a: "2" } });
    expect(next.data).toEqual({ a: "2" });
  });

  it("rejects a stale resourceVersion with 409 Conflict", () => {
    const store = new MemoryStore(STORED_TYPES);
    const a = store.create(HR, hr("a"));
    store.update(HR, { ...a, spec: { ...a.spec, interval: "1m" } });
    const err = statusError(() => store.update(HR, { ...a, spec: { ...a.spec, interval: "2m" } }));
    expect(err.code).toBe(409);
    expect(err.reason).toBe("Conflict");
    expect(err.message).toContain('helmreleases.helm.toolkit.fluxcd.io "a"');
  });

  it("does not write (or bump resourceVersion) when nothing changes", () => {
    const store = new MemoryStore(STORED_TYPES);
    const a = store.create(HR, hr("a"));
    const events: StoreEvent[] = [];
    store.subscribe((e) => events.push(e));
    const same = store.mutate(HR, "airflow", "a", () => undefined);
    expect(same?.metadata.resourceVersion).toBe(a.metadata.resourceVersion);
    expect(events).toHaveLength(0);
  });

  it("records managedFields per field manager with the touched paths", () => {
    const store = new MemoryStore(STORED_TYPES);
    store.create(HR, hr("a"), { fieldManager: "kubectl-create" });
    const after = store.mutate(
      HR,
      "airflow",
      "a",
      (o) => {
        o.metadata.annotations = { "reconcile.fluxcd.io/requestedAt": "t1" };
      },
      { fieldManager: "fluxtower" },
    );
    const byManager = Object.fromEntries((after?.metadata.managedFields ?? []).map((m) => [m.manager, m]));
    expect(byManager["fluxtower"]?.fieldsV1).toEqual({
      "f:metadata": { "f:annotations": { "f:reconcile.fluxcd.io/requestedAt": {} } },
    });
    expect(byManager["fluxtower"]?.operation).toBe("Update");
    expect(byManager["kubectl-create"]?.fieldsV1).toMatchObject({ "f:spec": { "f:interval": {} } });
    const st = store.mutate(
      HR,
      "airflow",
      "a",
      (o) => {
        o.status = { lastHandledReconcileAt: "t1" };
      },
      { fieldManager: "helm-controller", subresource: "status" },
    );
    const hc = st?.metadata.managedFields?.find((m) => m.manager === "helm-controller");
    expect(hc?.subresource).toBe("status");
    expect(hc?.fieldsV1).toEqual({ "f:status": { "f:lastHandledReconcileAt": {} } });
  });

  it("transfers field ownership to the last writer", () => {
    const store = new MemoryStore(STORED_TYPES);
    store.create(HR, hr("a", { interval: "5m", chart: CHART }), { fieldManager: "one" });
    const after = store.mutate(
      HR,
      "airflow",
      "a",
      (o) => {
        o.spec.interval = "9m";
      },
      { fieldManager: "two" },
    );
    const one = after?.metadata.managedFields?.find((m) => m.manager === "one");
    const two = after?.metadata.managedFields?.find((m) => m.manager === "two");
    expect(two?.fieldsV1).toEqual({ "f:spec": { "f:interval": {} } });
    expect(JSON.stringify(one?.fieldsV1)).not.toContain("f:interval");
    expect(JSON.stringify(one?.fieldsV1)).toContain("f:chart");
  });

  it("honours finalizers: delete sets deletionTimestamp, removing the last finalizer deletes", () => {
    const store = new MemoryStore(STORED_TYPES);
    store.create(HR, {
      ...hr("a"),
      metadata: { name: "a", namespace: "airflow", finalizers: ["finalizers.fluxcd.io"] },
    });
    const events: string[] = [];
    store.subscribe((e) => events.push(e.type));
    const pending = store.delete(HR, "airflow", "a");
    expect(pending.metadata.deletionTimestamp).toBeDefined();
    expect(store.get(HR, "airflow", "a")?.metadata.deletionTimestamp).toBe(pending.metadata.deletionTimestamp);
    const again = store.delete(HR, "airflow", "a");
    expect(again.metadata.resourceVersion).toBe(pending.metadata.resourceVersion);
    store.mutate(HR, "airflow", "a", (o) => {
      o.metadata.finalizers = [];
    });
    expect(store.get(HR, "airflow", "a")).toBeUndefined();
    expect(events).toEqual(["MODIFIED", "DELETED"]);
  });

  it("throws 404 for a missing object on delete and update", () => {
    const store = new MemoryStore(STORED_TYPES);
    expect(statusError(() => store.delete(HR, "airflow", "nope")).code).toBe(404);
    expect(statusError(() => store.update(HR, hr("nope"))).code).toBe(404);
    expect(store.mutate(HR, "airflow", "nope", () => undefined)).toBeUndefined();
  });

  it("garbage-collects dependents by ownerReference uid, and namespace contents", async () => {
    const store = new MemoryStore(STORED_TYPES);
    const owner = store.create(HR, hr("owner"));
    const ownerRef = {
      apiVersion: "helm.toolkit.fluxcd.io/v2",
      kind: "HelmRelease",
      name: "owner",
      uid: owner.metadata.uid as string,
    };
    store.create(SECRET, {
      apiVersion: "v1",
      kind: "Secret",
      metadata: { name: "dep", namespace: "airflow", ownerReferences: [ownerRef] },
    });
    store.create(SECRET, {
      apiVersion: "v1",
      kind: "Secret",
      metadata: { name: "other", namespace: "airflow", ownerReferences: [{ ...ownerRef, uid: "someone-else" }] },
    });
    store.create(NS, { apiVersion: "v1", kind: "Namespace", metadata: { name: "temp" } });
    store.create(CM, { apiVersion: "v1", kind: "ConfigMap", metadata: { name: "c", namespace: "temp" } });
    store.delete(HR, "airflow", "owner");
    store.delete(NS, undefined, "temp");
    expect(store.get(SECRET, "airflow", "dep")).toBeDefined(); // background: not yet
    await new Promise((r) => setImmediate(r));
    expect(store.get(SECRET, "airflow", "dep")).toBeUndefined();
    expect(store.get(SECRET, "airflow", "other")).toBeDefined();
    expect(store.get(CM, "temp", "c")).toBeUndefined();
  });

  it("dry run validates and computes without storing", () => {
    const store = new MemoryStore(STORED_TYPES);
    const rv = store.currentResourceVersion();
    const dry = store.create(HR, hr("a"), { dryRun: true });
    expect(dry.metadata.uid).toBeDefined();
    expect(store.get(HR, "airflow", "a")).toBeUndefined();
    expect(store.currentResourceVersion()).toBe(rv);
  });

  it("supports generateName and validates names", () => {
    const store = new MemoryStore(STORED_TYPES);
    const made = store.create(HR, { ...hr(""), metadata: { name: "", generateName: "job-", namespace: "airflow" } });
    expect(made.metadata.name).toMatch(/^job-[a-z0-9]{5}$/);
    expect(statusError(() => store.create(HR, hr(""))).code).toBe(422);
    expect(statusError(() => store.create(HR, { ...hr("x"), apiVersion: "helm.toolkit.fluxcd.io/v2beta1" })).code).toBe(
      400,
    );
  });

  it("retains a bounded event window and reports when a version fell out of it", () => {
    const store = new MemoryStore(STORED_TYPES, { eventWindow: 3 });
    const start = Number(store.currentResourceVersion());
    for (let i = 0; i < 5; i++)
      store.create(CM, { apiVersion: "v1", kind: "ConfigMap", metadata: { name: `c${i}`, namespace: "n" } });
    expect(store.eventsSince(start)).toBeUndefined();
    const recent = store.eventsSince(start + 2);
    expect(recent?.map((e) => e.entry.obj.metadata.name)).toEqual(["c2", "c3", "c4"]);
    expect(store.eventsSince(start + 5)).toEqual([]);
  });

  it("lists sorted by namespace then name, optionally within one namespace", () => {
    const store = new MemoryStore(STORED_TYPES);
    for (const [ns, n] of [
      ["b", "x"],
      ["a", "z"],
      ["a", "y"],
    ] as const) {
      store.create(CM, { apiVersion: "v1", kind: "ConfigMap", metadata: { name: n, namespace: ns } });
    }
    expect(store.list(CM).map((o) => `${o.metadata.namespace}/${o.metadata.name}`)).toEqual(["a/y", "a/z", "b/x"]);
    expect(store.list(CM, "a").map((o) => o.metadata.name)).toEqual(["y", "z"]);
  });
});

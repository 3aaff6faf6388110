import { describe, expect, it } from "vitest";
import { inventoryItem, kindsFor, notRotatable, type InventoryInput } from "./inventory-view";

const DAY = 86_400_000;
const now = Date.parse("2025-06-01T00:00:00Z");

function input(over: Partial<InventoryInput> = {}): InventoryInput {
  return {
    namespace: "airflow",
    name: "airflow-fernet-key",
    type: "Opaque",
    keys: ["fernet-key"],
    createdAt: new Date(now - 200 * DAY).toISOString(),
    annotations: {},
    labels: {},
    manager: { type: "manual" },
    managerAnnotations: {},
    consumers: [],
    isMetadata: false,
    latestRotation: null,
    activeRotation: null,
    policy: null,
    rotate: { allowed: true },
    now,
    ...over,
  };
}

const quarterly = { policy: "Quarterly", checkId: "secrets.rotation.fernet", release: "airflow/airflow", attestedBy: "alice", expiresAt: "2025-09-01T00:00:00Z" };

describe("inventory rows", () => {
  it("suggests the Airflow flow from the key and always offers generic", () => {
    expect(kindsFor(["fernet-key"], false)).toEqual(["airflow-fernet", "generic"]);
    expect(kindsFor(["connection"], true)).toEqual(["airflow-metadata-password", "generic"]);
    expect(kindsFor(["connection"], false)).toEqual(["generic"]);
    expect(inventoryItem(input()).suggestedKind).toBe("airflow-fernet");
  });

  it("is overdue when the attested interval has passed since the last rotation (or creation)", () => {
    const row = inventoryItem(input({ policy: quarterly }));
    expect(row.lastRotation).toEqual({ at: new Date(now - 200 * DAY).toISOString(), source: "created" });
    expect(row.policy?.intervalDays).toBe(92);
    expect(row.overdue).toBe(true);
    const fresh = inventoryItem(input({ policy: quarterly, managerAnnotations: { "fluxtower.dev/rotated-at": new Date(now - 10 * DAY).toISOString() } }));
    expect(fresh.lastRotation?.source).toBe("annotation");
    expect(fresh.overdue).toBe(false);
    expect(fresh.dueAt).toBe(new Date(now + 82 * DAY).toISOString());
  });

  it("prefers the newest of the journal and the annotation, and has no schedule for on-compromise policies", () => {
    const row = inventoryItem(input({ latestRotation: { id: "r1", at: new Date(now - DAY).toISOString(), by: "admin" }, annotations: { "fluxtower.dev/rotated-at": new Date(now - 5 * DAY).toISOString() }, policy: { ...quarterly, policy: "On compromise only" } }));
    expect(row.lastRotation).toMatchObject({ source: "rotation", by: "admin", rotationId: "r1" });
    expect(row.overdue).toBe(false);
    expect(row.dueAt).toBeNull();
  });

  it("says why some Secrets are never rotated", () => {
    expect(notRotatable({ type: "helm.sh/release.v1", manager: { type: "helm", release: "x", namespace: "a", chart: null }, labels: {}, keys: ["release"] })).toContain("Helm release storage");
    expect(notRotatable({ type: "Opaque", manager: { type: "kustomization", name: "apps", namespace: "flux-system" }, labels: {}, keys: ["k"] })).toContain("Git");
    expect(notRotatable({ type: "Opaque", manager: { type: "manual" }, labels: { "fluxtower.dev/backup-of": "x" }, keys: ["k"] })).toContain("backup");
    expect(notRotatable({ type: "Opaque", manager: { type: "manual" }, labels: {}, keys: ["k"] })).toBeUndefined();
  });
});

import { describe, expect, it } from "vitest";
import type { AuditRecord } from "@/lib/db/audit";
import { concerns, rowScope } from "./row-scope";

// Rows as the app writes them (lib/actions/audit.ts, app/api/v1/session, app/api/v1/tokens, lib/rotation/audit.ts).
const base: AuditRecord = {
  id: "c1",
  at: new Date("2025-06-12T10:00:00.000Z"),
  requestId: "r1",
  actor: "alice",
  actorSubject: "https://login.example.com|f3b1",
  groups: ["oidc:platform-admins"],
  action: "sign-in",
  cluster: null,
  resource: null,
  namespace: null,
  name: null,
  reason: null,
  token: null,
  outcome: "success",
  message: null,
  detail: { ip: "203.0.113.7", method: "oidc" },
};

describe("audit row scope", () => {
  it.each<[string, Partial<AuditRecord>, string, boolean]>([
    ["own sign-in", {}, "https://login.example.com|f3b1", true],
    ["someone else's sign-in", {}, "demo:viewer", false],
    ["failed sign-in of an unknown name (no subject)", { actor: "(unknown user)", actorSubject: null, outcome: "failure" }, "demo:viewer", false],
    ["admin revoked my token", { action: "token.revoke", actor: "admin", actorSubject: "demo:admin", detail: { tokenId: "t1", ownerSubject: "demo:operator" } }, "demo:operator", true],
    ["admin revoked someone else's token", { action: "token.revoke", actor: "admin", actorSubject: "demo:admin", detail: { tokenId: "t1", ownerSubject: "demo:operator" } }, "demo:viewer", false],
    ["my action on an object is about the object, not me", { action: "action.suspend", cluster: "demo", resource: "helmreleases", namespace: "airflow", name: "airflow" }, "https://login.example.com|f3b1", false],
  ])("%s", (_name, patch, subject, want) => {
    expect(concerns(rowScope({ ...base, ...patch }), subject)).toBe(want);
  });

  it.each<[Partial<AuditRecord>, unknown]>([
    [{ cluster: "demo", resource: "secrets", namespace: "airflow", name: "airflow-fernet-key" }, { kind: "object", cluster: "demo", resource: "secrets", namespace: "airflow", name: "airflow-fernet-key" }],
    [{ cluster: "demo", resource: "clusterexternalsecrets", namespace: null, name: "shared" }, { kind: "object", cluster: "demo", resource: "clusterexternalsecrets", namespace: null, name: "shared" }],
    [{ cluster: "demo", resource: null }, { kind: "cluster", cluster: "demo" }],
    [{ actorSubject: null, detail: {} }, { kind: "people", subjects: [] }],
  ])("%j → %j", (patch, want) => {
    expect(rowScope({ ...base, ...patch })).toEqual(want);
  });
});

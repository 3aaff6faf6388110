import { describe, expect, it } from "vitest";
import { groupsFromClaim, kubeGroupsFor, roleForGroups } from "./role-mapping";

const map = { admin: ["fluxtower-admins"], operator: ["fluxtower-operators", "sre"], viewer: ["auditors"] };

describe("OIDC groups → role and Kubernetes groups", () => {
  it.each([
    { groups: ["fluxtower-admins"], role: "admin" },
    { groups: ["sre", "fluxtower-admins"], role: "admin" },
    { groups: ["fluxtower-operators"], role: "operator" },
    { groups: ["sre", "unrelated"], role: "operator" },
    { groups: ["auditors"], role: "viewer" },
    { groups: [], role: "viewer" },
    { groups: ["Fluxtower-Admins"], role: "viewer" }, // exact match only
  ])("$groups → $role", ({ groups, role }) => {
    expect(roleForGroups(groups, map)).toBe(role);
  });

  it("impersonates only mapped groups, prefixed, sorted, once each", () => {
    expect(kubeGroupsFor(["sre", "unrelated", "fluxtower-admins", "sre"], map, "oidc:")).toEqual(["oidc:fluxtower-admins", "oidc:sre"]);
    expect(kubeGroupsFor(["system:masters"], map, "")).toEqual([]);
  });

  it.each([
    [["a", "b"], ["a", "b"]],
    ["single", ["single"]],
    ["", []],
    [[1, "a", null, ""], ["a"]],
    [{ a: 1 }, []],
    [undefined, []],
  ])("claim %j → %j", (value, groups) => {
    expect(groupsFromClaim(value)).toEqual(groups);
  });
});

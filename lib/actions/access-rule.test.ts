import { describe, expect, it } from "vitest";
import { decideAccess } from "./access-rule";

const target = { resource: "helmreleases", namespace: "airflow", name: "airflow" };

describe("action permission rule", () => {
  it.each([
    { verb: "reconcile", custom: true, patch: true, allowed: true },
    { verb: "reconcile", custom: false, patch: true, allowed: true },
    { verb: "reconcile", custom: true, patch: false, allowed: false },
    { verb: "reconcile", custom: false, patch: false, allowed: false },
    { verb: null, custom: false, patch: true, allowed: true },
    { verb: null, custom: false, patch: false, allowed: false },
  ])("verb=$verb custom=$custom patch=$patch → $allowed", ({ verb, custom, patch, allowed }) => {
    expect(decideAccess({ verb, custom, patch }, target).allowed).toBe(allowed);
  });

  it("explains a custom verb without patch", () => {
    expect(decideAccess({ verb: "suspend", custom: true, patch: false }, target).reason).toBe(
      'Your Kubernetes RBAC grants "suspend" but not "patch" on helmreleases in namespace airflow; Fluxtower acts as you, and the API server needs "patch" to write the request',
    );
  });

  it("names verb, resource and namespace when nothing is granted", () => {
    expect(decideAccess({ verb: "reconcile", custom: false, patch: false }, target).reason).toBe(
      'Your Kubernetes RBAC does not allow "patch" (nor "reconcile") on helmreleases in namespace airflow',
    );
    expect(decideAccess({ verb: null, custom: false, patch: false }, { resource: "clusterexternalsecrets", namespace: null, name: "x" }).reason).toBe(
      'Your Kubernetes RBAC does not allow "patch" on clusterexternalsecrets',
    );
  });
});

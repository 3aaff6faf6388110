// The checklist monitor re-evaluates a release when the Kustomization that applied it changes (its Flux facts
// include that Kustomization), with no one asking: suspending the `apps` Kustomization with kubectl turns
// "pre.flux-healthy" of airflow/airflow to a warning, resuming it turns it back.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signIn, type Session } from "./harness";
import { checklist, item, kubectl, waitForStatus } from "./checklist-helpers";

let operator: Session;
const suspendApps = (suspend: boolean) => kubectl("-n", "flux-system", "patch", "kustomization", "apps", "--type", "merge", "-p", JSON.stringify({ spec: { suspend } }));

beforeAll(async () => {
  operator = await signIn("operator");
  await waitForStatus(operator, "pre.flux-healthy", ["pass"], 60_000);
});

afterAll(() => {
  suspendApps(false);
});

describe("checklist monitor", () => {
  it("re-evaluates the releases a Kustomization applied when it changes", async () => {
    suspendApps(true);
    const warned = await waitForStatus(operator, "pre.flux-healthy", ["warn"], 30_000);
    expect(JSON.stringify(item(warned, "pre.flux-healthy"))).toContain("Kustomization apps is Suspended");
    suspendApps(false);
    await waitForStatus(operator, "pre.flux-healthy", ["pass"], 30_000);
    expect(item(await checklist(operator), "pre.flux-healthy").status).toBe("pass");
  }, 90_000);
});

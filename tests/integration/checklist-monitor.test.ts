// The checklist monitor re-evaluates a release when the Kustomization that applied it changes (its Flux facts
// include that Kustomization), with no one asking: suspending the `apps` Kustomization with kubectl turns
// "pre.flux-healthy" of airflow/airflow to a warning, resuming it turns it back.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually, signIn, type Session } from "./harness";
import { checklist, item, kubectl, waitForStatus } from "./checklist-helpers";

let operator: Session;
const suspendApps = (suspend: boolean) => kubectl("-n", "flux-system", "patch", "kustomization", "apps", "--type", "merge", "-p", JSON.stringify({ spec: { suspend } }));

/** Resumes `apps` and waits until kustomize-controller has handled a reconcile after it (as `flux resume` does), so its
 * re-apply cannot land in a later test (it reverts kubectl edits of the HelmRelease those tests make). */
async function resumeAndSettle(): Promise<void> {
  const token = String(Date.now());
  kubectl("-n", "flux-system", "patch", "kustomization", "apps", "--type", "merge", "-p", JSON.stringify({ metadata: { annotations: { "reconcile.fluxcd.io/requestedAt": token } }, spec: { suspend: false } }));
  await eventually(async () => kubectl("-n", "flux-system", "get", "kustomization", "apps", "-o", "jsonpath={.status.lastHandledReconcileAt}") === token || undefined, 30_000, 300);
}

beforeAll(async () => {
  operator = await signIn("operator");
  await waitForStatus(operator, "pre.flux-healthy", ["pass"], 60_000);
});

afterAll(async () => {
  await resumeAndSettle();
}, 40_000);

describe("checklist monitor", () => {
  it("re-evaluates the releases a Kustomization applied when it changes", async () => {
    suspendApps(true);
    const warned = await waitForStatus(operator, "pre.flux-healthy", ["warn"], 30_000);
    expect(JSON.stringify(item(warned, "pre.flux-healthy"))).toContain("Kustomization apps is Suspended");
    await resumeAndSettle();
    await waitForStatus(operator, "pre.flux-healthy", ["pass"], 30_000);
    expect(item(await checklist(operator), "pre.flux-healthy").status).toBe("pass");
  }, 90_000);
});

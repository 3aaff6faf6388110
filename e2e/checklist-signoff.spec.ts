import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import {
  API,
  DEMO_DIR,
  PAGE,
  markNoReload,
  patchSchedulerValues,
  scaleDeployment,
  schedulerDeployment,
  signIn,
  stillNoReload,
  waitForItem,
  withdrawOpenReview,
} from "./checklist-support";

// Two-person sign-off: an operator requests a review and cannot approve it; an admin approves; scaling the
// scheduler back to 1 with kubectl turns the sign-off stale in the open page; the export is a filled CHECKLIST.md.
test.describe("checklist: review and sign-off", () => {
  if (!DEMO_DIR) throw new Error("needs the demo cluster (FLUXTOWER_TEST_DEMO_DIR), started by scripts/test.sh");
  test.afterAll(() => {
    if (DEMO_DIR) patchSchedulerValues(1, false);
  });

  test("operator requests → cannot approve → admin approves → kubectl scale to 1 → stale; export", async ({
    browser,
    baseURL,
  }) => {
    test.setTimeout(150_000);
    const base = baseURL ?? "";
    const opContext = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
    const op = await opContext.newPage();
    await signIn(op, "operator");
    await withdrawOpenReview(op.request, base, "operator");
    patchSchedulerValues(2, true);
    await waitForItem(op.request, "ha.scheduler-replicas", "pass");

    // The operator requests a review and is told another person must decide it.
    await op.goto(PAGE);
    const panel = op.getByTestId("signoff-panel");
    await expect(panel).toBeVisible();
    await panel.getByLabel("Note for the reviewer (optional)").fill("Scheduler HA done; please sign off");
    await panel.getByRole("button", { name: /Request (a new )?review/ }).click();
    await expect(panel.getByTestId("signoff-state")).toHaveAttribute("data-state", "requested");
    await expect(panel.getByTestId("self-approval-note")).toBeVisible();
    await expect(panel.getByRole("button", { name: "Approve and sign off" })).toHaveCount(0);
    // Even straight through the API the requester cannot approve.
    const review = ((await (await op.request.get(API)).json()) as { signoff: { review: { id: string } } }).signoff
      .review;
    const self = await op.request.post(`${API}/reviews/${review.id}/approve`, {
      headers: { origin: base, "content-type": "application/json" },
      data: { comment: "mine" },
    });
    expect(self.status()).toBe(403);
    await op.screenshot({ path: "test-results/checklist-review-requested.png", fullPage: true });

    // An admin approves (the gate still fails elsewhere, so a comment says why).
    const adminContext = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
    const admin = await adminContext.newPage();
    await signIn(admin, "admin");
    await admin.goto(PAGE);
    const adminPanel = admin.getByTestId("signoff-panel");
    await expect(adminPanel.getByTestId("review-decision")).toBeVisible();
    await adminPanel.getByLabel(/Comment/).fill("HA fixed; PgBouncer and attestations tracked in PLAT-7");
    await adminPanel.getByRole("button", { name: "Approve and sign off" }).click();
    await expect(adminPanel.getByTestId("signoff-state")).toHaveAttribute("data-state", "approved");
    await expect(adminPanel).toContainText("Signed off by admin");
    // The operator's open page follows live.
    await expect(panel.getByTestId("signoff-state")).toHaveAttribute("data-state", "approved", { timeout: 15_000 });
    await admin.screenshot({ path: "test-results/checklist-approved.png", fullPage: true });

    // kubectl scale the scheduler (found by labels) back to 1: the sign-off turns stale without a reload.
    await markNoReload(op);
    scaleDeployment("airflow", schedulerDeployment(), 1);
    await expect(panel.getByTestId("signoff-state")).toHaveAttribute("data-state", "stale", { timeout: 45_000 });
    await expect(panel.getByTestId("signoff-reasons")).toContainText("ha.scheduler-replicas regressed");
    await expect(op.locator('[data-testid="checklist-item"][data-item-id="ha.scheduler-replicas"]')).toHaveAttribute(
      "data-status",
      "fail",
    );
    await stillNoReload(op);
    await op.screenshot({ path: "test-results/checklist-stale.png", fullPage: true });

    // The list flags the stale sign-off.
    await op.goto("/checklists");
    await expect(op.getByTestId("stale-signoffs")).toContainText("airflow/airflow");
    await expect(op.getByTestId("signoff-state").first()).toHaveAttribute("data-state", "stale");

    // Export: a filled CHECKLIST.md with the stale sign-off.
    await op.goto(PAGE);
    const [download] = await Promise.all([op.waitForEvent("download"), op.getByTestId("export-md").click()]);
    expect(download.suggestedFilename()).toBe("CHECKLIST-demo-airflow-airflow.md");
    const md = readFileSync(await download.path(), "utf8");
    expect(md).toContain("# Production Deployment Checklist");
    expect(md).toContain("- [x] Repository: git@github.com:acme/airflow-dags.git");
    expect(md).toContain("## Sign-off");
    expect(md).toContain("- State: stale");
    expect(md).toMatch(/- Signed by: admin/);
    expect(md).toMatch(/- Evidence hash: `sha256:[0-9a-f]{64}`/);
    expect(md).toContain("ha.scheduler-replicas regressed");

    // The print view.
    await op.goto(`${PAGE}/print`);
    await expect(op.getByTestId("checklist-print")).toContainText("Production Deployment Checklist");
    await op.screenshot({ path: "test-results/checklist-print.png", fullPage: true });
    await opContext.close();
    await adminContext.close();
  });
});

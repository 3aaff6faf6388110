import { expect, test } from "@playwright/test";
import { DEMO_DIR, markNoReload, patchSchedulerValues, signIn, stillNoReload, waitForItem } from "./checklist-support";

// The checklist of the `airflow` scenario: the seeded gaps are failures with the exact values fix, and a kubectl
// change of the HelmRelease values turns them green in the open page without a reload.
test.describe("checklist: live evaluation", () => {
  if (!DEMO_DIR) throw new Error("needs the demo cluster (FLUXTOWER_TEST_DEMO_DIR), started by scripts/test.sh");
  test.afterAll(() => {
    if (DEMO_DIR) patchSchedulerValues(1, false);
  });

  test("seeded gaps fail with fix hints; kubectl values change turns them green without reload", async ({ page }) => {
    test.setTimeout(120_000);
    await page.setViewportSize({ width: 1440, height: 1000 });
    await signIn(page, "operator");
    await waitForItem(page.request, "post.pods-ready", "pass");

    // The list of subjects across clusters.
    await page.goto("/checklists");
    await expect(page.getByRole("heading", { name: "Checklists" })).toBeVisible();
    const link = page.getByTestId("checklist-subject-link").filter({ hasText: "airflow/airflow" });
    await expect(link).toBeVisible();
    await expect(page.getByTestId("gate-badge").first()).toHaveAttribute("data-gate", "fail");
    await page.screenshot({ path: "test-results/checklist-list.png", fullPage: true });

    // The release page: the gate fails; the scheduler items fail with the values snippet to copy.
    await link.click();
    await expect(page).toHaveURL(/\/checklists\/demo\/airflow\/airflow$/);
    await expect(page.getByTestId("gate-banner")).toHaveAttribute("data-gate", "fail");
    const replicas = page.locator('[data-testid="checklist-item"][data-item-id="ha.scheduler-replicas"]');
    const pdb = page.locator('[data-testid="checklist-item"][data-item-id="ha.scheduler-pdb"]');
    const pgbouncer = page.locator('[data-testid="checklist-item"][data-item-id="pgbouncer.enabled"]');
    await expect(replicas).toHaveAttribute("data-status", "fail");
    await expect(pdb).toHaveAttribute("data-status", "fail");
    await expect(pgbouncer).toHaveAttribute("data-status", "fail");
    await expect(replicas.getByTestId("item-fix")).toContainText("scheduler:");
    await expect(replicas.getByTestId("item-fix").locator("pre")).toHaveText("scheduler:\n  replicas: 2\n");
    await expect(replicas.getByRole("link", { name: "open deployment" })).toHaveAttribute(
      "href",
      "/clusters/demo/deployments/airflow/airflow-scheduler",
    );
    await expect(pgbouncer.getByTestId("item-fix").locator("pre")).toContainText("enabled: true");
    await expect(page.getByTestId("checklist-live")).toHaveAttribute("data-state", "open");
    await page.screenshot({ path: "test-results/checklist-detail.png", fullPage: true });

    // kubectl: scheduler replicas 2 and its PDB on → both items pass in the open page.
    await markNoReload(page);
    patchSchedulerValues(2, true);
    await expect(replicas).toHaveAttribute("data-status", "pass", { timeout: 45_000 });
    await expect(pdb).toHaveAttribute("data-status", "pass", { timeout: 45_000 });
    await expect(pgbouncer).toHaveAttribute("data-status", "fail");
    await stillNoReload(page);
    await page.screenshot({ path: "test-results/checklist-after-fix.png", fullPage: true });

    // The history tab shows the change.
    await page.getByRole("tab", { name: "History" }).click();
    await expect(page.getByTestId("history-run").first()).toBeVisible();
    await expect(page.getByTestId("history-runs")).toContainText("Scheduler replicas");
    await page.screenshot({ path: "test-results/checklist-history.png", fullPage: true });
  });
});

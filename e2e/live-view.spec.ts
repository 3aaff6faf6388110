import { expect, test } from "@playwright/test";
import { kubectl } from "../tests/support/demo-kubectl";
import { signIn } from "./support/sign-in";

// The live cluster view against the demo cluster (scenario "airflow"): overview → HelmRelease list → detail, then
// a kubectl change shows up in the open pages without a reload.
const DEMO_DIR = process.env.FLUXTOWER_TEST_DEMO_DIR ?? "";

function setSuspend(suspend: boolean): void {
  kubectl("patch", "helmrelease", "-n", "airflow", "airflow", "--type", "merge", "-p", JSON.stringify({ spec: { suspend } }));
}

test.describe("live cluster view", () => {
  if (!DEMO_DIR) throw new Error("needs the demo cluster (FLUXTOWER_TEST_DEMO_DIR), started by scripts/test.sh");
  test.afterAll(() => {
    if (DEMO_DIR) setSuspend(false);
  });

  test("overview → list → detail, and a kubectl change appears without reload", async ({ page }) => {
    test.setTimeout(90_000);
    await page.setViewportSize({ width: 1440, height: 1000 });
    await signIn(page, "admin");

    // Overview: the demo cluster with counts by health per kind.
    const card = page.getByTestId("cluster-card-demo");
    await expect(card).toBeVisible();
    await expect(card.getByRole("link", { name: "HelmReleases", exact: true })).toBeVisible();
    await expect(card.getByRole("row", { name: /HelmReleases/ })).toContainText(/\d/);
    await page.screenshot({ path: "test-results/overview.png", fullPage: true });

    // The HelmRelease list, with the airflow/airflow row.
    await card.getByRole("link", { name: "HelmReleases", exact: true }).click();
    await expect(page).toHaveURL(/\/clusters\/demo\/helmreleases$/);
    await expect(page.getByRole("heading", { name: "HelmReleases" })).toBeVisible();
    const row = page.locator('[data-testid="resource-row"][data-name="airflow/airflow"]');
    await expect(row).toBeVisible();
    await expect(page.getByTestId("live-indicator")).toHaveAttribute("data-stream", "open");
    await page.screenshot({ path: "test-results/list.png", fullPage: true });

    // The detail page: health, conditions, graph nodes, events.
    await row.getByRole("link", { name: "airflow", exact: true }).click();
    await expect(page).toHaveURL(/\/clusters\/demo\/helmreleases\/airflow\/airflow/);
    await expect(page.getByRole("heading", { level: 1, name: "airflow" })).toBeVisible();
    await expect(page.getByTestId("detail-health")).toContainText(/Healthy|Progressing|Degraded|Suspended|Unknown/);
    await expect(page.getByTestId("health-explanation")).toBeVisible();
    await expect(page.getByRole("table", { name: "Conditions" })).toContainText("Ready");
    await expect(page.getByTestId("graph-node").first()).toBeVisible();
    expect(await page.getByTestId("graph-node").count()).toBeGreaterThan(1);
    await expect(page.getByTestId("graph-node").filter({ hasText: "HelmRelease" }).first()).toBeVisible();
    await page.screenshot({ path: "test-results/detail.png", fullPage: true });
    await page.getByRole("tab", { name: /Events/ }).click();
    await expect(page.getByRole("tabpanel")).toBeVisible();
    await page.getByRole("tab", { name: "Summary" }).click();

    // Live: suspend with kubectl; the open detail page turns Suspended without a reload.
    await page.evaluate(() => ((window as unknown as { __noReload: boolean }).__noReload = true));
    setSuspend(true);
    await expect(page.getByTestId("detail-health")).toContainText("Suspended", { timeout: 5_000 });
    await expect(page.getByTestId("suspend-info")).toBeVisible();

    // Back to the list (client-side navigation): the row shows Suspended; resuming clears it live.
    await page.goBack();
    await expect(row).toContainText("Suspended", { timeout: 5_000 });
    setSuspend(false);
    await expect(row).not.toContainText("Suspended", { timeout: 5_000 });
    expect(await page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload)).toBe(true);
  });
});

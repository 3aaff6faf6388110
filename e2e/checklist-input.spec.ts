import { expect, test } from "@playwright/test";
import { API, DEMO_DIR, PAGE, signIn, waitForItem } from "./checklist-support";

const WAIVABLE = ["pre.chart-pinned", "ha.api-server-pdb", "ha.api-server-replicas"];

// Human input in the browser: an operator attests an item through its form and requests a waiver; an admin
// approves the waiver; a viewer sees no controls.
test.describe("checklist: attestations and waivers", () => {
  if (!DEMO_DIR) throw new Error("needs the demo cluster (FLUXTOWER_TEST_DEMO_DIR), started by scripts/test.sh");

  test("attest through the form, request a waiver, approve it as another user", async ({ browser }) => {
    test.setTimeout(90_000);
    const opContext = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
    const op = await opContext.newPage();
    await signIn(op, "operator");
    await waitForItem(op.request, "monitoring.metrics-enabled", "pass");
    await op.goto(PAGE);

    // Attest dashboards and alerts (a hybrid item whose automatic pre-check passes).
    const dashboards = op.locator('[data-testid="checklist-item"][data-item-id="monitoring.dashboards-alerts"]');
    await dashboards.locator("button[aria-expanded]").click();
    await dashboards.getByRole("button", { name: /^(Attest|Re-attest)$/ }).click();
    const form = dashboards.getByTestId("attestation-form");
    await form.getByLabel("Dashboard", { exact: false }).first().fill("not a url");
    await form.getByLabel(/Alert routing/).fill("Alertmanager → PagerDuty data-platform");
    await op.screenshot({ path: "test-results/checklist-attest-form.png", fullPage: false });
    await form.getByLabel("Dashboard", { exact: false }).first().fill("https://grafana.example/d/airflow");
    await form.getByRole("button", { name: "Attest", exact: true }).click();
    await expect(dashboards).toHaveAttribute("data-status", "attested");
    await expect(dashboards.getByTestId("item-attestation")).toContainText("by operator");

    // Request a waiver for a failing blocking item (the unpinned chart version on a fresh demo cluster; the first
    // candidate still failing when the stack was used before).
    const current = (await (await op.request.get(API)).json()) as { items: { id: string; status: string }[] };
    const target = WAIVABLE.find((id) =>
      ["fail", "expired"].includes(current.items.find((i) => i.id === id)?.status ?? ""),
    );
    expect(target, "a failing item to waive").toBeTruthy();
    const chart = op.locator(`[data-testid="checklist-item"][data-item-id="${target}"]`);
    await expect(chart).toHaveAttribute("data-status", /fail|expired/);
    if ((await chart.locator("button[aria-expanded]").getAttribute("aria-expanded")) !== "true")
      await chart.locator("button[aria-expanded]").click();
    await chart.getByRole("button", { name: "Request waiver" }).click();
    const wf = chart.getByTestId("waiver-form");
    await wf.getByLabel(/Reason/).fill("Accepted until the platform upgrade in PLAT-7");
    await wf.getByLabel("Ticket link").fill("https://tickets.example/PLAT-7");
    await wf.getByLabel(/Expires in/).fill("14");
    await wf.getByRole("button", { name: "Request waiver" }).click();
    await expect(chart.getByTestId("item-waivers")).toContainText("waiting for approval");
    await expect(chart.getByRole("button", { name: "Approve waiver" })).toHaveCount(0);

    // An admin approves it on the Waivers tab; the operator's page shows the item waived.
    const adminContext = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
    const admin = await adminContext.newPage();
    await signIn(admin, "admin");
    await admin.goto(PAGE);
    await admin.getByRole("tab", { name: /Waivers/ }).click();
    await admin.getByRole("tabpanel").getByRole("button", { name: "Approve waiver" }).click();
    await expect(admin.getByRole("tabpanel")).toContainText("Waiver (valid)");
    await expect(chart).toHaveAttribute("data-status", "waived", { timeout: 15_000 });
    await admin.screenshot({ path: "test-results/checklist-waivers.png", fullPage: true });

    // A viewer sees the checklist without controls.
    const viewerContext = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
    const viewer = await viewerContext.newPage();
    await signIn(viewer, "viewer");
    await viewer.goto(PAGE);
    await expect(viewer.getByTestId("gate-banner")).toBeVisible();
    await expect(viewer.getByRole("button", { name: /Request review/ })).toHaveCount(0);
    await expect(viewer.getByRole("button", { name: /^(Attest|Re-attest|Request waiver)$/ })).toHaveCount(0);
    await Promise.all([opContext.close(), adminContext.close(), viewerContext.close()]);
  });
});

import { expect, test } from "@playwright/test";
import { kubectl } from "../tests/support/demo-kubectl";

// The CSP in a real browser: the app runs with no violation (every script has the nonce), and no page can frame it.
const PASSWORD = process.env.FLUXTOWER_DEMO_PASSWORD ?? "demo";
const BASE = process.env.FLUXTOWER_TEST_URL ?? "http://127.0.0.1:3000";

test("pages work under the CSP with no violation", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy|Refused to (execute|load|apply)/i.test(m.text())) violations.push(m.text());
  });
  await page.goto("/sign-in");
  await page.getByLabel("Username").fill("admin");
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
  for (const p of ["/clusters", "/audit", "/settings", "/clusters/demo/helmreleases/airflow/airflow"]) {
    await page.goto(p);
    await page.waitForLoadState("networkidle");
  }
  await expect(page.getByRole("heading", { name: "airflow" }).first()).toBeVisible();
  expect(violations).toEqual([]);
});

test("another site cannot frame the app (frame-ancestors 'none')", async ({ page }) => {
  await page.setContent(`<iframe id="f" src="${BASE}/sign-in" width="600" height="400"></iframe>`);
  await page.waitForTimeout(1500);
  // A blocked frame shows the browser's error page instead of ours, so no frame holds our sign-in heading.
  const ours = page.frames().filter((f) => f.url().startsWith(BASE));
  const headings = await Promise.all(ours.map((f) => f.locator("h1").count()));
  expect(headings.reduce((a, b) => a + b, 0)).toBe(0);
});

test("a javascript: URL planted in an annotation is shown as text, never as a link (S17)", async ({ page }) => {
  const payload = "javascript:alert(document.cookie)";
  kubectl("annotate", "--overwrite", "helmrelease", "-n", "airflow", "airflow", `fluxtower.test/docs-url=${payload}`);
  try {
    await page.goto("/sign-in");
    await page.getByLabel("Username").fill("admin");
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
    // The annotation is on the object (the API server has it) before the page is opened.
    expect(kubectl("get", "helmrelease", "-n", "airflow", "airflow", "-o", "jsonpath={.metadata.annotations}")).toContain(payload);
    await page.goto("/clusters/demo/helmreleases/airflow/airflow");
    await page.waitForLoadState("networkidle");
    for (const tab of await page.getByRole("tab").all()) {
      await tab.click();
      expect(await page.locator('a[href^="javascript:" i], [src^="javascript:" i]').count()).toBe(0);
    }
    // The YAML tab shows it — as text (the watch cache may take a moment to carry the change to the page).
    await page.getByRole("tab", { name: "YAML" }).click();
    await expect(page.locator("main"), "the annotation is visible on the page (as text)").toContainText(payload, { timeout: 15_000 });
    expect(await page.locator('a[href^="javascript:" i], [src^="javascript:" i]').count()).toBe(0);
  } finally {
    kubectl("annotate", "helmrelease", "-n", "airflow", "airflow", "fluxtower.test/docs-url-");
  }
});

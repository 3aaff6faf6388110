import { expect, test } from "@playwright/test";

test("an anonymous visitor is sent to sign-in, signs in as viewer and sees the shell", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in/);
  await page.getByLabel("Username").fill("viewer");
  await page.getByLabel("Password").fill("wrong");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Invalid username or password" })).toBeVisible();

  await page.getByLabel("Password").fill(process.env.FLUXTOWER_DEMO_PASSWORD ?? "demo");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
  await expect(page.getByTestId("user-menu")).toContainText("viewer");
  for (const link of ["Overview", "Clusters", "Checklists", "Operations", "Audit", "Settings"]) {
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: link })).toBeVisible();
  }
  await page.screenshot({ path: "test-results/shell-viewer.png", fullPage: true });

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
});

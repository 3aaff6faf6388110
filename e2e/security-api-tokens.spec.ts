import { expect, test } from "@playwright/test";

// API tokens in Settings: created with an expiry, shown exactly once, usable as a bearer token, revoked.
const PASSWORD = process.env.FLUXTOWER_DEMO_PASSWORD ?? "demo";
const BASE = process.env.FLUXTOWER_TEST_URL ?? "http://127.0.0.1:3000";

test("an operator creates an API token, sees it once, uses it, and revokes it", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Username").fill("operator");
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" }).click();
  const name = `e2e-${Date.now()}`;
  await page.getByLabel("Token name").fill(name);
  await page.getByLabel("Expires").selectOption("7");
  await page.getByRole("button", { name: "Create token" }).click();
  const shown = page.getByTestId("new-token");
  await expect(shown).toContainText("it is not shown again");
  const secret = (await shown.locator("code").first().textContent()) ?? "";
  expect(secret).toMatch(/^ft_[A-Za-z0-9_-]{43}$/);
  const row = page.getByRole("row").filter({ hasText: name });
  await expect(row).toContainText(secret.slice(0, 11));
  await page.screenshot({ path: "test-results/settings-api-token.png", fullPage: true });

  const me = await fetch(`${BASE}/api/v1/session`, { headers: { authorization: `Bearer ${secret}` } });
  expect(me.status).toBe(200);

  await page.reload();
  await expect(page.getByTestId("new-token")).toHaveCount(0);
  await expect(page.locator("body")).not.toContainText(secret);

  await page.getByRole("row").filter({ hasText: name }).getByRole("button", { name: `Revoke ${name}` }).click();
  await expect(page.getByRole("row").filter({ hasText: name })).toContainText("revoked");
  expect((await fetch(`${BASE}/api/v1/session`, { headers: { authorization: `Bearer ${secret}` } })).status).toBe(401);
});

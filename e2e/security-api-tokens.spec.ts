import { expect, test, type Page } from "@playwright/test";

// API tokens in Settings: created with an expiry (30 days unless chosen, never "never"), shown exactly once, usable
// as a bearer token, revoked by their owner — or by an admin, which the owner then sees.
const PASSWORD = process.env.FLUXTOWER_DEMO_PASSWORD ?? "demo";
const BASE = process.env.FLUXTOWER_TEST_URL ?? "http://127.0.0.1:3000";

async function signIn(page: Page, username: string): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" }).click();
}

async function createToken(page: Page, name: string, days?: string): Promise<string> {
  await page.getByLabel("Token name").fill(name);
  if (days) await page.getByLabel("Expires").selectOption(days);
  await page.getByRole("button", { name: "Create token" }).click();
  const shown = page.getByTestId("new-token");
  await expect(shown).toContainText("it is not shown again");
  const secret = (await shown.locator("code").first().textContent()) ?? "";
  expect(secret).toMatch(/^ft_[A-Za-z0-9_-]{43}$/);
  return secret;
}

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

test("an operator creates an API token, sees it once, uses it, and revokes it", async ({ page }) => {
  await signIn(page, "operator");
  const expires = page.getByLabel("Expires");
  await expect(expires).toHaveValue("30");
  await expect(expires.locator("option")).toHaveText(["in 7 days", "in 30 days", "in 90 days", "in 1 year (the longest)"]);

  const name = `e2e-${Date.now()}`;
  const secret = await createToken(page, name, "7");
  const row = page.getByRole("row").filter({ hasText: name });
  await expect(row).toContainText(secret.slice(0, 11));
  await expect(row).toContainText(`expires ${inDays(7)}`);
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

test("an admin revokes an operator's token; the operator sees who did", async ({ browser }) => {
  const operator = await (await browser.newContext()).newPage();
  await signIn(operator, "operator");
  const name = `e2e-admin-${Date.now()}`;
  const secret = await createToken(operator, name);
  await expect(operator.getByRole("row").filter({ hasText: name })).toContainText(`expires ${inDays(30)}`);

  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, "admin");
  const everyone = admin.getByRole("table", { name: "Active API tokens of every user" });
  await everyone.getByRole("button", { name: `Revoke operator's token ${name}` }).click();
  await expect(everyone.getByRole("row").filter({ hasText: name })).toHaveCount(0);
  expect((await fetch(`${BASE}/api/v1/session`, { headers: { authorization: `Bearer ${secret}` } })).status).toBe(401);

  await operator.reload();
  await expect(operator.getByRole("row").filter({ hasText: name })).toContainText("by admin");
  await expect(operator.getByRole("heading", { name: "Everyone's API tokens" })).toHaveCount(0);
});

import { expect, type Page } from "@playwright/test";

export const PASSWORD = process.env.FLUXTOWER_DEMO_PASSWORD ?? "demo";

/** Demo sign-in through the form; resolves on the Overview. */
export async function signIn(page: Page, username: string): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
}

// Shared by the OIDC and security browser tests: the test provider's state (written by scripts/oidc-provider.ts
// into the stack directory) and the sign-in steps at the provider's login form.
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, type Page } from "@playwright/test";

export const DEMO_DIR = process.env.FLUXTOWER_TEST_DEMO_DIR ?? "";

interface ProviderState {
  issuer: string;
  clientId: string;
  controlToken: string;
  password: string;
}

export function providerState(): ProviderState {
  return JSON.parse(readFileSync(path.join(DEMO_DIR, "oidc.json"), "utf8")) as ProviderState;
}

/** Makes the provider forge the next ID token it issues (scripts/oidc-token-forgery.ts). */
export async function armForgery(mode: string): Promise<void> {
  const p = providerState();
  const res = await fetch(`${p.issuer}/__test/id-token`, {
    method: "POST",
    headers: { authorization: `Bearer ${p.controlToken}`, "content-type": "application/json" },
    body: JSON.stringify({ mode }),
  });
  expect(res.status).toBe(204);
}

/** From our sign-in page through the provider's login form; returns when the browser is back at the app. */
export async function signInWithSso(page: Page, user: string, start = "/"): Promise<void> {
  await page.goto(start);
  await expect(page).toHaveURL(/\/sign-in/);
  await page.getByRole("link", { name: "Sign in with single sign-on" }).click();
  await expect(page.getByRole("heading", { name: "Test identity provider" })).toBeVisible();
  await page.getByLabel("Login").fill(user);
  await page.getByLabel("Password").fill(providerState().password);
  await page.getByRole("button", { name: "Continue" }).click();
}

import { expect, test } from "@playwright/test";
import { armForgery, DEMO_DIR, providerState, signInWithSso } from "./oidc-helpers";

// OIDC sign-in in a real browser against the real provider (scripts/oidc-provider.ts): the happy path for each
// role, the return path, cookies out of JavaScript's reach, and forged ID tokens refused.
test.describe("OIDC sign-in", () => {
  if (!DEMO_DIR) throw new Error("needs the stack with the test OpenID provider (scripts/test.sh, OIDC=1)");

  test("alice signs in with single sign-on, lands where she was going, and is an admin", async ({ page }) => {
    await signInWithSso(page, "alice", "/settings");
    await expect(page).toHaveURL(/\/settings$/);
    await expect(page.getByTestId("settings-name")).toHaveText("alice");
    await expect(page.getByTestId("settings-role")).toHaveText("admin");
    await expect(page.getByTestId("settings-groups")).toHaveText("oidc:fluxtower-admins");
    await expect(page.getByTestId("user-menu")).toContainText("alice");

    // S10: nothing a script can read holds a credential.
    const visible = await page.evaluate(() => ({
      cookie: document.cookie,
      local: JSON.stringify({ ...localStorage }),
      session: JSON.stringify({ ...sessionStorage }),
    }));
    expect(visible.cookie).not.toMatch(/fluxtower_session|fluxtower_oidc/);
    expect(visible.local + visible.session).not.toMatch(/eyJ|ft_|fluxtower_session/);
    const cookies = await page.context().cookies();
    const session = cookies.find((c) => c.name === "fluxtower_session");
    expect(session).toMatchObject({ httpOnly: true, sameSite: "Strict" });
    await page.screenshot({ path: "test-results/oidc-alice-settings.png", fullPage: true });

    // RP-initiated logout: the provider (which advertises end_session_endpoint) asks to end its session too, then
    // sends the browser back to our sign-in page (lib/auth/oidc/logout.ts).
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL((u) => u.href.startsWith(providerState().issuer) && u.searchParams.get("client_id") === providerState().clientId);
    await page.getByRole("button", { name: "Yes, sign me out" }).click();
    await expect(page).toHaveURL(/\/sign-in$/);
    await page.goto("/settings");
    await expect(page).toHaveURL(/\/sign-in\?next=%2Fsettings/);
  });

  for (const { user, role } of [
    { user: "bob", role: "operator" },
    { user: "carol", role: "viewer" },
  ]) {
    test(`${user} gets the ${role} role from their groups`, async ({ page }) => {
      await signInWithSso(page, user);
      await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
      await expect(page.getByTestId("user-menu")).toContainText(`${user} (${role})`);
    });
  }

  for (const mode of ["wrong-audience", "expired", "tampered", "alg-none"]) {
    test(`an ID token that is ${mode} is refused`, async ({ page }) => {
      await armForgery(mode);
      await signInWithSso(page, "carol");
      await expect(page).toHaveURL(/\/sign-in\?error=invalid_id_token$/);
      await expect(page.getByTestId("sign-in-error")).toContainText("could not be verified");
      expect((await page.context().cookies()).some((c) => c.name === "fluxtower_session")).toBe(false);
      await page.goto("/");
      await expect(page).toHaveURL(/\/sign-in/);
    });
  }

  test("a wrong password stays at the provider", async ({ page }) => {
    await page.goto("/sign-in");
    await page.getByRole("link", { name: "Sign in with single sign-on" }).click();
    await page.getByLabel("Login").fill("alice");
    await page.getByLabel("Password").fill("not-the-password");
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page.getByRole("alert")).toContainText("wrong password");
    expect(page.url().startsWith(providerState().issuer)).toBe(true);
  });
});

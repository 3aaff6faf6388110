// Secret rotation in the browser (airflow scenario): the Secrets page lists the Airflow API secret key as managed
// by its ExternalSecret; an admin rotates it and watches every step of the journal complete live — backup, new
// value, upstream write to the vault, force-sync, restart of the api-server and scheduler together, rollout
// health, finish — without the new value ever reaching the page. An operator sees the Rotate button disabled
// with the reason.
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { parse } from "yaml";

const DEMO_DIR = process.env.FLUXTOWER_TEST_DEMO_DIR ?? "";
const PASSWORD = process.env.FLUXTOWER_DEMO_PASSWORD ?? "demo";
const STEPS = ["backup", "stage", "write", "sync", "restart", "verify", "finish"];

async function signIn(page: Page, username: string): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("Username").fill(username);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Overview" })).toBeVisible();
}

/** The Secret's current value, read with the demo cluster's admin credentials (never through the app). */
async function clusterValue(namespace: string, name: string, key: string): Promise<string> {
  const server = JSON.parse(readFileSync(path.join(DEMO_DIR, "server.json"), "utf8")) as { url: string };
  const kubeconfig = parse(readFileSync(path.join(DEMO_DIR, "kubeconfig"), "utf8")) as { users: Array<{ name: string; user: { token: string } }> };
  const token = kubeconfig.users.find((u) => u.name === "admin")?.user.token ?? "";
  const res = await fetch(new URL(`/api/v1/namespaces/${namespace}/secrets/${name}`, server.url), { headers: { authorization: `Bearer ${token}` } });
  const secret = (await res.json()) as { data: Record<string, string> };
  return Buffer.from(secret.data[key] ?? "", "base64").toString("utf8");
}

function secretRow(page: Page, name: string) {
  return page.getByRole("row").filter({ has: page.getByTestId("secret-name").getByText(name, { exact: true }) });
}

test("an admin rotates the Airflow API secret key and watches each step complete", async ({ page }) => {
  test.setTimeout(120_000);
  const before = await clusterValue("airflow", "airflow-api-secret", "api-secret-key");
  await signIn(page, "admin");
  await page.goto("/clusters/demo/secrets?namespace=airflow");
  const row = secretRow(page, "airflow-api-secret");
  await expect(row).toContainText("api-secret-key");
  await expect(row).toContainText("ExternalSecret airflow-api-secret");
  await expect(row).toContainText("Deployment airflow-api-server");
  await expect(row).toContainText("Deployment airflow-scheduler");
  await row.getByRole("button", { name: "Rotate airflow-api-secret" }).click();

  const dialog = page.getByRole("dialog", { name: "Rotate airflow/airflow-api-secret" });
  await expect(dialog.getByLabel("Rotation flow")).toHaveValue("airflow-api-secret");
  await expect(dialog).toContainText("Users will be signed out");
  await page.screenshot({ path: "test-results/rotation-dialog.png", fullPage: true });
  await dialog.getByTestId("start-rotation").click();

  await expect(page).toHaveURL(/\/rotations\/r[a-z0-9]+$/);
  const rotation = page.getByTestId("rotation");
  for (const step of STEPS) {
    await expect(page.locator(`[data-testid="rotation-step"][data-step="${step}"]`), `step ${step}`).toHaveAttribute("data-state", "succeeded", { timeout: 60_000 });
  }
  await expect(rotation).toHaveAttribute("data-state", "succeeded");
  await expect(page.getByTestId("rotation-message")).toContainText("Users have been signed out");
  await expect(page.getByRole("button", { name: "Roll back" })).toBeVisible();
  await page.screenshot({ path: "test-results/rotation-succeeded.png", fullPage: true });

  const after = await clusterValue("airflow", "airflow-api-secret", "api-secret-key");
  expect(after).not.toBe(before);
  expect(await page.content()).not.toContain(after);
  expect(await page.content()).not.toContain(before);

  await page.goto("/clusters/demo/secrets?namespace=airflow");
  await expect(secretRow(page, "airflow-api-secret")).toContainText("by admin");
});

test("an operator sees the Rotate button disabled with the reason", async ({ page }) => {
  await signIn(page, "operator");
  await page.goto("/clusters/demo/secrets?namespace=airflow");
  const row = secretRow(page, "airflow-smtp");
  await expect(row).toContainText("created by hand");
  await expect(row.getByRole("button", { name: "Rotate airflow-smtp" })).toBeDisabled();
  await expect(row).toContainText("Rotation needs the admin role; you are operator");
});

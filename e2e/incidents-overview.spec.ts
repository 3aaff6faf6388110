// Runs against the "incidents" scenario (scripts/test.sh starts a separate stack for it): the seeds' incidents each
// appear on the overview with the right root-cause chain.
import { expect, test } from "@playwright/test";
import { signIn } from "./support/sign-in";

test("the overview traces every seeded incident to its root cause", async ({ page }) => {
  await signIn(page, "admin");
  const list = page.getByTestId("attention-list");
  await expect(list).toBeVisible();

  const item = (name: RegExp) => list.getByRole("listitem").filter({ has: page.getByRole("link", { name }) }).first();

  // HelmRelease out of retries because its metadata Secret is missing because the vault item is missing.
  const airflow = item(/^HelmRelease airflow\/airflow$/);
  await expect(airflow).toContainText(/Degraded/);
  await expect(airflow).toContainText(/stalled/i);
  await expect(airflow.getByTestId("root-cause-line")).toContainText(/HelmRelease airflow → Secret airflow-metadata \(missing\) → ExternalSecret airflow-metadata/);
  await expect(airflow.getByTestId("root-cause-line")).toContainText("could not get secret data from provider");

  // Kustomization created in the wrong namespace: its source does not exist there.
  const wrongNs = item(/^Kustomization data-platform\/data-platform$/);
  await expect(wrongNs).toContainText("GitRepository flux-system (missing)");
  await expect(wrongNs).toContainText("not found");

  // ExternalSecret whose vault field name differs in case.
  await expect(item(/^ExternalSecret data-platform\/nessie-postgres$/)).toContainText("could not get secret data from provider");

  // Object stuck on a finalizer.
  await expect(item(/^Kustomization flux-system\/external-snapshotter$/)).toContainText(/finalizer/);

  // Source stuck on a stale revision: its next fetch fails while the old artifact stays in use.
  await expect(item(/^GitRepository flux-system\/data-platform$/)).toBeVisible({ timeout: 45_000 });
  await expect(item(/^GitRepository flux-system\/data-platform$/)).toContainText(/Degraded/);

  await page.screenshot({ path: "test-results/incidents-overview.png", fullPage: true });

  // The chain's steps are deep links.
  await airflow.getByTestId("root-cause-line").getByRole("link", { name: /ExternalSecret airflow-metadata/ }).click();
  await expect(page).toHaveURL(/\/clusters\/demo\/externalsecrets\/airflow\/airflow-metadata/);
  await expect(page.getByText("SecretSyncedError").first()).toBeVisible();
});

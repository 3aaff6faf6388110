// Shared steps of the checklist browser tests: kubectl against the demo cluster, sign-in, and waiting for the
// checklist API to reach a state (so a test starts from a known cluster state).
import { expect, type APIRequestContext, type Page } from "@playwright/test";
import { patchReleaseValues } from "../tests/support/demo-kubectl";
export { kubectl, scaleDeployment, schedulerDeployment } from "../tests/support/demo-kubectl";
export { signIn } from "./support/sign-in";

export const DEMO_DIR = process.env.FLUXTOWER_TEST_DEMO_DIR ?? "";
export const PAGE = "/checklists/demo/airflow/airflow";
export const API = "/api/v1/clusters/demo/checklists/airflow/airflow";

export function patchSchedulerValues(replicas: number, pdb: boolean): void {
  patchReleaseValues({ scheduler: { replicas, podDisruptionBudget: { enabled: pdb } } });
}

interface ItemState {
  id: string;
  status: string;
}

/** Polls the checklist API (with the page's session) until the item has the status. */
export async function waitForItem(
  request: APIRequestContext,
  id: string,
  status: string,
  timeoutMs = 60_000,
): Promise<void> {
  await expect
    .poll(
      async () => {
        const res = await request.get(API);
        if (!res.ok()) return `HTTP ${res.status()}`;
        const body = (await res.json()) as { items: ItemState[] };
        return body.items.find((i) => i.id === id)?.status;
      },
      { timeout: timeoutMs, intervals: [500] },
    )
    .toBe(status);
}

/** Withdraws an open review request left by an earlier run (as its requester). */
export async function withdrawOpenReview(
  request: APIRequestContext,
  baseURL: string,
  requester: string,
): Promise<void> {
  const res = await request.get(API);
  const body = (await res.json()) as { signoff: { review?: { id: string; state: string; requestedBy: string } } };
  const r = body.signoff.review;
  if (r?.state === "requested" && r.requestedBy === requester) {
    const w = await request.post(`${API}/reviews/${r.id}/withdraw`, {
      headers: { origin: baseURL, "content-type": "application/json" },
      data: {},
    });
    expect(w.status()).toBe(200);
  }
}

/** Marks the page so a test can prove no reload happened. */
export async function markNoReload(page: Page): Promise<void> {
  await page.evaluate(() => ((window as unknown as { __noReload: boolean }).__noReload = true));
}

export async function stillNoReload(page: Page): Promise<void> {
  expect(await page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload)).toBe(true);
}

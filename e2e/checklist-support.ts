// Shared steps of the checklist browser tests: kubectl against the demo cluster, sign-in, and waiting for the
// checklist API to reach a state (so a test starts from a known cluster state).
import { execFileSync } from "node:child_process";
import path from "node:path";
import { expect, type APIRequestContext, type Page } from "@playwright/test";
export { signIn } from "./support/sign-in";

export const DEMO_DIR = process.env.FLUXTOWER_TEST_DEMO_DIR ?? "";
export const PAGE = "/checklists/demo/airflow/airflow";
export const API = "/api/v1/clusters/demo/checklists/airflow/airflow";

export function kubectl(...args: string[]): string {
  return execFileSync("kubectl", ["--kubeconfig", path.join(DEMO_DIR, "kubeconfig"), ...args], {
    encoding: "utf8",
    timeout: 20_000,
    stdio: ["ignore", "pipe", "pipe"],
  });
}

export function patchSchedulerValues(replicas: number, pdb: boolean): void {
  const values = { scheduler: { replicas, podDisruptionBudget: { enabled: pdb } } };
  kubectl(
    "-n",
    "airflow",
    "patch",
    "helmrelease",
    "airflow",
    "--type",
    "merge",
    "-p",
    JSON.stringify({ spec: { values } }),
  );
}

/** The scheduler Deployment, found by the chart's labels. */
export function schedulerDeployment(): string {
  const out = kubectl(
    "-n",
    "airflow",
    "get",
    "deployments",
    "-l",
    "tier=airflow,component=scheduler,release=airflow",
    "-o",
    "name",
  ).trim();
  expect(out, "scheduler deployment found by labels").not.toBe("");
  return out.split("\n")[0].replace(/^deployment\.apps\//, "");
}

/**
 * `kubectl scale deployment … --replicas=N`. The demo API server has no scale subresource yet, so when kubectl
 * scale is refused the same change is made with a replicas merge patch.
 */
export function scaleDeployment(name: string, replicas: number): void {
  try {
    kubectl("-n", "airflow", "scale", "deployment", name, `--replicas=${replicas}`);
  } catch {
    kubectl(
      "-n",
      "airflow",
      "patch",
      "deployment",
      name,
      "--type",
      "merge",
      "-p",
      JSON.stringify({ spec: { replicas } }),
    );
  }
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

// The seeds' worst incident, fixed from the UI without an uninstall/reinstall: a HelmRelease whose Secret comes
// from an ExternalSecret pointing at a vault item that does not exist → install fails until retries are exhausted
// (Stalled RetriesExceeded) → the item is added to the vault → "Force sync" the ExternalSecret → "Reset and retry"
// the HelmRelease → progress shown live → Healthy.
//
// The test stack runs the `airflow` scenario, so the incident is built inside it (a fresh namespace, the
// scenario's ClusterSecretStore "onepassword"). The release uses the demo's grafana chart, whose pods read their
// admin credentials from that Secret.
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { parse } from "yaml";
import { signIn } from "./support/sign-in";

const DEMO_DIR = process.env.FLUXTOWER_TEST_DEMO_DIR ?? "";
const server = () => JSON.parse(readFileSync(path.join(DEMO_DIR, "server.json"), "utf8")) as { url: string; controlToken: string };
const adminToken = () =>
  (parse(readFileSync(path.join(DEMO_DIR, "kubeconfig"), "utf8")) as { users: Array<{ name: string; user: { token: string } }> }).users.find((u) => u.name === "admin")!.user.token;

async function kube(method: string, p: string, body?: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(new URL(p, server().url), {
    method,
    headers: { authorization: `Bearer ${adminToken()}`, "content-type": "application/json", accept: "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, json: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

async function control(method: string, p: string, body?: unknown): Promise<void> {
  const res = await fetch(new URL(p, server().url), {
    method,
    headers: { authorization: `Bearer ${server().controlToken}`, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${method} ${p} → ${res.status} ${await res.text()}`);
}

async function createOrFail(p: string, obj: Record<string, unknown>): Promise<void> {
  const r = await kube("POST", p, obj);
  if (r.status !== 201 && r.status !== 200) throw new Error(`create ${p} → ${r.status} ${JSON.stringify(r.json)}`);
}

const condition = (obj: Record<string, unknown>, type: string) =>
  ((obj.status as { conditions?: Array<{ type: string; status: string; reason?: string }> } | undefined)?.conditions ?? []).find((c) => c.type === type);

const ns = `incident-${randomBytes(3).toString("hex")}`;
const item = `grafana-admin-${ns}`;
const hrPath = `/apis/helm.toolkit.fluxcd.io/v2/namespaces/${ns}/helmreleases/grafana`;

async function buildIncident(): Promise<void> {
  await createOrFail("/api/v1/namespaces", { apiVersion: "v1", kind: "Namespace", metadata: { name: ns } });
  await createOrFail(`/apis/source.toolkit.fluxcd.io/v1/namespaces/${ns}/helmrepositories`, {
    apiVersion: "source.toolkit.fluxcd.io/v1",
    kind: "HelmRepository",
    metadata: { name: "grafana", namespace: ns },
    spec: { interval: "12h", url: "https://grafana.github.io/helm-charts" },
  });
  await createOrFail(`/apis/external-secrets.io/v1/namespaces/${ns}/externalsecrets`, {
    apiVersion: "external-secrets.io/v1",
    kind: "ExternalSecret",
    metadata: { name: "grafana-admin", namespace: ns },
    spec: {
      refreshInterval: "1h",
      secretStoreRef: { kind: "ClusterSecretStore", name: "onepassword" },
      target: { name: "grafana-admin" },
      data: [
        { secretKey: "admin-user", remoteRef: { key: item, property: "username" } },
        { secretKey: "admin-password", remoteRef: { key: item, property: "password" } },
      ],
    },
  });
  await createOrFail(`/apis/helm.toolkit.fluxcd.io/v2/namespaces/${ns}/helmreleases`, {
    apiVersion: "helm.toolkit.fluxcd.io/v2",
    kind: "HelmRelease",
    metadata: { name: "grafana", namespace: ns },
    spec: {
      interval: "30m",
      chart: { spec: { chart: "grafana", version: "8.x", sourceRef: { kind: "HelmRepository", name: "grafana" } } },
      install: { remediation: { retries: 3 } },
      values: { replicas: 1, admin: { existingSecret: "grafana-admin", userKey: "admin-user", passwordKey: "admin-password" } },
    },
  });
  // Install fails (the pods cannot start without the Secret) until helm-controller gives up.
  await expect
    .poll(async () => condition((await kube("GET", hrPath)).json, "Stalled")?.reason, { timeout: 90_000, intervals: [1000] })
    .toBe("RetriesExceeded");
}

/** Records every data-state an operation progress panel shows, from now on (live progress, not just the end). */
async function recordProgressStates(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __states: string[] };
    w.__states = [];
    const seen = () => {
      for (const el of document.querySelectorAll("[data-testid=operation-progress]")) {
        const s = el.getAttribute("data-state") ?? "";
        if (w.__states[w.__states.length - 1] !== s) w.__states.push(s);
      }
    };
    new MutationObserver(seen).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ["data-state"] });
  });
}

test.describe.configure({ timeout: 180_000 });

test.afterAll(async () => {
  await kube("DELETE", `/api/v1/namespaces/${ns}`);
});

test("Stalled RetriesExceeded → add the vault item → force-sync → Reset and retry → Healthy, with live progress", async ({ page }) => {
  await buildIncident();
  await signIn(page, "operator");

  // The HelmRelease is stalled and the UI offers "Reset and retry".
  await page.goto(`/clusters/demo/helmreleases/${ns}/grafana`);
  await expect(page.getByTestId("detail-health").locator("[data-health]")).toHaveAttribute("data-health", "Degraded");
  await expect(page.getByRole("button", { name: "Reset and retry" })).toBeEnabled();

  // The missing item is added to the vault (what the operator does in 1Password), then the ExternalSecret is
  // force-synced from its page.
  await control("PUT", `/__demo/vault/onepassword/${item}`, { fields: { username: "admin", password: randomBytes(12).toString("hex") } });
  await page.goto(`/clusters/demo/externalsecrets/${ns}/grafana-admin`);
  await page.getByRole("button", { name: "Force sync" }).click();
  const sync = page.getByTestId("operation-progress").first();
  await expect(sync).toHaveAttribute("data-state", "succeeded", { timeout: 60_000 });
  await expect(page.getByTestId("toast").filter({ hasText: "Force sync succeeded" })).toBeVisible();

  // Reset and retry the release, confirming in the dialog, and watch the progress live.
  await page.goto(`/clusters/demo/helmreleases/${ns}/grafana`);
  await recordProgressStates(page);
  await page.getByRole("button", { name: "Reset and retry" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toContainText("failure counters are cleared");
  await dialog.getByRole("button", { name: "Reset and retry" }).click();
  const progress = page.getByTestId("operation-progress").first();
  await expect(progress).toBeVisible();
  await expect(progress).toHaveAttribute("data-state", "succeeded", { timeout: 120_000 });
  await expect(progress.getByTestId("operation-message")).toContainText("Helm install succeeded");
  const states = await page.evaluate(() => (window as unknown as { __states: string[] }).__states);
  expect(states[0]).toMatch(/requested|acknowledged|reconciling/);
  expect(states[states.length - 1]).toBe("succeeded");
  await expect(page.getByTestId("detail-health").locator("[data-health]")).toHaveAttribute("data-health", "Healthy", { timeout: 30_000 });
  await page.screenshot({ path: "test-results/incident-fixed.png", fullPage: true });

  // The counters were really reset by the token, not by an uninstall.
  const hr = (await kube("GET", hrPath)).json;
  const status = hr.status as Record<string, unknown>;
  const annotations = (hr.metadata as { annotations: Record<string, string> }).annotations;
  expect(status.lastHandledResetAt).toBe(annotations["reconcile.fluxcd.io/resetAt"]);
  expect(annotations["reconcile.fluxcd.io/resetAt"]).toBe(annotations["reconcile.fluxcd.io/requestedAt"]);
  expect(condition(hr, "Ready")?.status).toBe("True");

  // The Operations page lists both operations with their outcome; a reload shows the same state (it is stored).
  await page.goto(`/operations?action=reset`);
  const row = page.getByTestId("operation-row").filter({ hasText: `${ns}/grafana` });
  await expect(row).toHaveAttribute("data-state", "succeeded");
  await row.getByRole("button", { name: "Reset" }).click();
  await expect(page.getByTestId("operation-progress").first()).toHaveAttribute("data-state", "succeeded");
  await page.reload();
  await expect(page.getByTestId("operation-progress").first()).toContainText("Helm install succeeded");
});

test("a viewer sees no action buttons", async ({ page }) => {
  await signIn(page, "viewer");
  const permissions = page.waitForResponse((r) => r.url().includes("/permissions?") && r.status() === 200);
  await page.goto("/clusters/demo/helmreleases/airflow/airflow");
  await permissions;
  await expect(page.getByTestId("detail-health")).toBeVisible();
  await expect(page.getByRole("group", { name: "Actions" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /Reconcile|Suspend|Reset|Force/ })).toHaveCount(0);
});

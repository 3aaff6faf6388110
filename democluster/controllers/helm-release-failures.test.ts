// helm-controller failures: missing Secrets and RetriesExceeded, reset/force tokens, values the chart schema refuses.
import { afterEach, describe, expect, it } from "vitest";
import { R } from "../sim/resources";
import {
  annotate,
  apply,
  cond,
  events,
  patchSpec,
  sleep,
  startHarness,
  token,
  waitFor,
  type Harness,
} from "./test-harness";
import { airflowRelease, airflowSecrets, airflowValues, helmRepository, metadataSecret, ns } from "./test-fixtures";
import { releaseHelpers } from "./helm-release-test-support";

let h: Harness;
afterEach(async () => h?.stop());
const { hr, readyHr, stalled, request } = releaseHelpers(() => h);

describe("helm-controller failures", () => {
  it("fails installs while the metadata Secret is missing, retries, then stalls with RetriesExceeded", async () => {
    h = await startHarness();
    apply(h.store, [
      ns("airflow"),
      helmRepository(),
      ...airflowSecrets("airflow", { metadata: false }),
      airflowRelease("airflow", "airflow", airflowValues(), { install: { remediation: { retries: 3 } } }),
    ]);
    const obj = await waitFor("stalled", () => stalled(), 20_000);
    expect(obj.status).toMatchObject({ failures: 4, installFailures: 4 });
    expect(obj.status.upgradeFailures).toBeUndefined();
    expect(cond(obj, "Stalled")).toMatchObject({
      reason: "RetriesExceeded",
      message: "Failed to install after 4 attempt(s)",
    });
    expect(cond(obj, "Ready")).toMatchObject({ status: "False", reason: "InstallFailed" });
    expect(cond(obj, "Ready")?.message).toMatch(
      /^Helm install failed for release airflow\/airflow with chart airflow@1\.18\.0: context deadline exceeded: .*secret "airflow-metadata" not found/,
    );
    expect(cond(obj, "Reconciling")).toBeUndefined();
    expect(obj.status.history[0]).toMatchObject({ status: "failed", chartVersion: "1.18.0" });
    expect(
      events(h.store, "HelmRelease", "airflow")
        .filter((e) => e.reason === "InstallFailed")
        .reduce((n, e) => n + (e.count as number), 0),
    ).toBe(4);
    // Remediation (uninstall) removed the release's workloads.
    await waitFor("uninstalled", () => !h.store.get(R.deployments, "airflow", "airflow-scheduler"));

    // No further retries: counters stay, even a plain requestedAt does not clear them.
    await sleep(500);
    const t = request();
    const after = await waitFor("requestedAt handled", () =>
      hr()?.status?.lastHandledReconcileAt === t ? hr() : undefined,
    );
    expect(after.status).toMatchObject({ failures: 4, installFailures: 4 });
    expect(cond(after, "Stalled")?.status).toBe("True");
  });

  it("honours resetAt and forceAt only when they equal requestedAt; reset clears counters and recovers", async () => {
    h = await startHarness();
    apply(h.store, [
      ns("airflow"),
      helmRepository(),
      ...airflowSecrets("airflow", { metadata: false }),
      airflowRelease("airflow", "airflow", airflowValues(), { install: { remediation: { retries: 1 } } }),
    ]);
    await waitFor("stalled", () => stalled(), 20_000);
    expect(hr()?.status).toMatchObject({ failures: 2, installFailures: 2 });

    // resetAt differs from requestedAt: ignored.
    const t1 = request({ reset: true, resetToken: "not-the-token" });
    await waitFor("handled", () => hr()?.status?.lastHandledReconcileAt === t1);
    expect(hr()?.status?.lastHandledResetAt).toBeUndefined();
    expect(hr()?.status?.failures).toBe(2);

    // The Secret appears; nothing happens until a reset (Stalled is terminal).
    apply(h.store, [metadataSecret("airflow")]);
    await sleep(400);
    expect(cond(hr(), "Stalled")?.status).toBe("True");

    const t2 = request({ reset: true });
    const mid = await waitFor("reset handled", () => (hr()?.status?.lastHandledResetAt === t2 ? hr() : undefined));
    expect(mid.status.failures).toBeUndefined();
    expect(cond(mid, "Stalled")).toBeUndefined();
    const ok = await waitFor("recovered", () => readyHr(), 15_000);
    expect(ok.status.lastHandledReconcileAt).toBe(t2);
    expect(cond(ok, "Ready")?.reason).toBe("InstallSucceeded");
    expect(ok.status.history[0]).toMatchObject({ status: "deployed" });

    // forceAt equal to requestedAt runs an upgrade of an in-sync release; a mismatched one does not.
    const t3 = token();
    annotate(
      h.store,
      R.helmreleases,
      "airflow",
      "airflow",
      { "reconcile.fluxcd.io/requestedAt": t3, "reconcile.fluxcd.io/forceAt": "other" },
      "flux",
    );
    await waitFor("handled t3", () => hr()?.status?.lastHandledReconcileAt === t3);
    expect(hr()?.status?.lastHandledForceAt).toBeUndefined();
    expect(hr()?.status?.history).toHaveLength(1);
    const t4 = request({ force: true });
    const forced = await waitFor(
      "forced upgrade",
      () =>
        hr()?.status?.lastHandledForceAt === t4 && readyHr() && hr()?.status?.history?.[0]?.version === 2
          ? hr()
          : undefined,
      15_000,
    );
    expect(cond(forced, "Ready")?.reason).toBe("UpgradeSucceeded");
    expect(forced.status.history.map((s: { status: string }) => s.status)).toEqual(["deployed", "superseded"]);
  });

  it("refuses values the chart schema forbids like Helm: no revision stored, retried with backoff, never stalled", async () => {
    h = await startHarness();
    apply(h.store, [
      ns("airflow"),
      helmRepository(),
      airflowRelease("airflow", "airflow", {
        executor: "KubernetesExecutor",
        data: { metadataConnection: { existingSecret: "airflow-postgresql-secret", existingSecretKey: "password" } },
      }),
    ]);
    const obj = await waitFor(
      "refused twice",
      () => (cond(hr(), "Ready") && (hr()?.status?.failures ?? 0) >= 2 ? hr() : undefined),
      15_000,
    );
    // charts/airflow/1.18.0/values.schema.json: data.metadataConnection has additionalProperties false; the text is
    // Helm 4's (pkg/chart/common/util/values.go, santhosh-tekuri/jsonschema output), trimmed by helm-controller.
    expect(cond(obj, "Ready")).toMatchObject({
      status: "False",
      reason: "InstallFailed",
      message:
        "Helm install failed for release airflow/airflow with chart airflow@1.18.0: values don't meet the specifications of the schema(s) in the following chart(s):\nairflow:\n- at '/data/metadataConnection': additional properties 'existingSecret', 'existingSecretKey' not allowed",
    });
    expect(cond(obj, "Stalled")).toBeUndefined();
    expect(obj.status.installFailures).toBeUndefined();
    expect(obj.status.history ?? []).toHaveLength(0);
    expect(h.store.list(R.secrets, "airflow").filter((s) => s.type === "helm.sh/release.v1")).toHaveLength(0);

    // Fixing the values installs.
    patchSpec(h.store, R.helmreleases, "airflow", "airflow", (s) => {
      s.values = {
        executor: "KubernetesExecutor",
        postgresql: { enabled: false },
        data: { metadataSecretName: "airflow-metadata" },
      };
    });
    apply(h.store, [metadataSecret("airflow")]);
    const fixed = await waitFor("installed after fix", () => readyHr(), 20_000);
    expect(fixed.status.history[0]).toMatchObject({ version: 1, status: "deployed" });
  });
});

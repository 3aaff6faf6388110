import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { KObject } from "../store/types";
import { R } from "../sim/resources";
import {
  annotate,
  cond,
  events,
  secretValue,
  startHarness,
  token,
  waitFor,
  type Harness,
} from "../controllers/test-harness";

let h: Harness;
beforeAll(async () => {
  h = await startHarness("incidents");
});
afterAll(async () => h?.stop());

const hr = (ns: string, name: string): KObject | undefined => h.store.get(R.helmreleases, ns, name);

describe("incidents scenario", () => {
  it("plays out the seeds' incidents", async () => {
    const airflow = await waitFor(
      "airflow stalled",
      () => (cond(hr("airflow", "airflow"), "Stalled")?.status === "True" ? hr("airflow", "airflow") : undefined),
      25_000,
    );
    expect(airflow.status).toMatchObject({ failures: 4, installFailures: 4 });
    expect(cond(airflow, "Stalled")).toMatchObject({
      reason: "RetriesExceeded",
      message: "Failed to install after 4 attempt(s)",
    });
    expect(cond(airflow, "Ready")).toMatchObject({ status: "False", reason: "InstallFailed" });
    expect(cond(airflow, "Ready")?.message).toContain('secret "airflow-metadata" not found');
    expect(h.store.get(R.secrets, "airflow", "airflow-metadata")).toBeUndefined();

    const metaEs = h.store.get(R.externalsecrets, "airflow", "airflow-metadata");
    expect(cond(metaEs, "Ready")).toMatchObject({
      status: "False",
      reason: "SecretSyncedError",
      message: "could not get secret data from provider",
    });
    expect(
      events(h.store, "ExternalSecret", "airflow-metadata", "UpdateFailed").some((e) =>
        String(e.message).includes('item "airflow-postgresql" not found in vault'),
      ),
    ).toBe(true);
    await waitFor("case-sensitive property", () =>
      events(h.store, "ExternalSecret", "nessie-postgres", "UpdateFailed").some((e) =>
        String(e.message).includes('key "Password" not found in item "nessie-postgres"'),
      ),
    );

    const wrongNs = h.store.get(R.kustomizations, "data-platform", "data-platform");
    expect(cond(wrongNs, "Ready")).toMatchObject({
      status: "False",
      reason: "ArtifactFailed",
      message: "Source 'GitRepository/data-platform/flux-system' not found",
    });
    expect(cond(h.store.get(R.kustomizations, "flux-system", "data-platform"), "Ready")?.status).toBe("True");

    const stale = await waitFor("stale source", () => {
      const g = h.store.get(R.gitrepositories, "flux-system", "data-platform");
      return cond(g, "Ready")?.reason === "GitOperationFailed" ? g : undefined;
    });
    const heads = h.sim.describe().gitHeads as Record<string, string>;
    expect(stale.status.artifact.revision).not.toBe(heads["GitRepository/flux-system/data-platform"]);
    expect(h.store.get(R.kustomizations, "flux-system", "data-platform")?.status?.lastAppliedRevision).toBe(
      stale.status.artifact.revision,
    );

    const stuck = h.store.get(R.kustomizations, "flux-system", "external-snapshotter");
    expect(stuck?.metadata.deletionTimestamp).toBeTruthy();
    expect(stuck?.metadata.finalizers).toEqual(["finalizers.fluxcd.io"]);

    // Helm refuses the values before it stores a revision (helm pkg/chart/common/util/values.go), so
    // helm-controller counts no install failure and retries with backoff instead of stalling.
    const legacy = await waitFor("invalid values refused twice", () => {
      const o = hr("data-platform", "airflow-legacy");
      return cond(o, "Ready")?.reason === "InstallFailed" && (o?.status?.failures ?? 0) >= 2 ? o : undefined;
    });
    expect(cond(legacy, "Ready")?.message).toBe(
      "Helm install failed for release data-platform/airflow-legacy with chart airflow@1.16.0: values don't meet the specifications of the schema(s) in the following chart(s):\nairflow:\n- at '/data/metadataConnection': additional properties 'existingSecret', 'existingSecretKey' not allowed",
    );
    expect(cond(legacy, "Stalled")).toBeUndefined();
    expect(legacy.status.installFailures).toBeUndefined();
    expect(legacy.status.history ?? []).toHaveLength(0);
    expect(h.store.list(R.secrets, "data-platform").filter((s) => s.type === "helm.sh/release.v1")).toHaveLength(0);
  });

  it("recovers through the fix path: vault item -> force-sync -> Secret -> reset -> install -> healthy", async () => {
    h.sim.vaultSet("onepassword", "airflow-postgresql", {
      username: "airflow",
      password: "S3cure-Airflow-Pa55!",
      host: "airflow-db.prod.internal",
      database: "airflow",
    });
    annotate(h.store, R.externalsecrets, "airflow", "airflow-metadata", { "force-sync": String(Date.now()) });
    const secret = await waitFor("metadata secret", () => h.store.get(R.secrets, "airflow", "airflow-metadata"));
    expect(secretValue(secret, "connection")).toBe(
      "postgresql://airflow:S3cure-Airflow-Pa55!@airflow-db.prod.internal:5432/airflow?sslmode=require".replace(
        "!",
        "%21",
      ),
    );
    expect(cond(h.store.get(R.externalsecrets, "airflow", "airflow-metadata"), "Ready")?.status).toBe("True");
    expect(cond(hr("airflow", "airflow"), "Stalled")?.status).toBe("True"); // still stalled until reset

    const t = token();
    annotate(
      h.store,
      R.helmreleases,
      "airflow",
      "airflow",
      { "reconcile.fluxcd.io/requestedAt": t, "reconcile.fluxcd.io/resetAt": t },
      "flux",
    );
    const healthy = await waitFor(
      "healthy",
      () => {
        const o = hr("airflow", "airflow");
        return cond(o, "Ready")?.status === "True" && o?.status?.lastHandledReconcileAt === t ? o : undefined;
      },
      20_000,
    );
    expect(healthy.status.lastHandledResetAt).toBe(t);
    expect(healthy.status.failures).toBeUndefined();
    expect(cond(healthy, "Stalled")).toBeUndefined();
    expect(cond(healthy, "Ready")?.message).toBe(
      "Helm install succeeded for release airflow/airflow.v1 with chart airflow@1.18.0",
    );
    await waitFor("scheduler running", () =>
      h.store
        .list(R.pods, "airflow")
        .some((p) => p.metadata.labels?.component === "scheduler" && cond(p, "Ready")?.status === "True"),
    );
  });
});

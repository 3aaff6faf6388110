import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { KObject } from "../store/types";
import { R } from "../sim/resources";
import { annotate, cond, secretValue, startHarness, token, waitFor, type Harness } from "../controllers/test-harness";

let h: Harness;
beforeAll(async () => {
  h = await startHarness("airflow");
});
afterAll(async () => h?.stop());

const hr = (): KObject | undefined => h.store.get(R.helmreleases, "airflow", "airflow");
const healthyHr = (): KObject | undefined =>
  cond(hr(), "Ready")?.status === "True" && hr()?.status?.observedGeneration === hr()?.metadata.generation
    ? hr()
    : undefined;
const containers = (o: KObject | undefined): string[] =>
  (o?.spec?.template?.spec?.containers ?? []).map((c: { name: string }) => c.name);

describe("airflow scenario", () => {
  it("comes up healthy: sources, Kustomizations, stores, ExternalSecrets, releases and pods", async () => {
    await waitFor("airflow release ready", () => healthyHr(), 20_000);
    await waitFor(
      "grafana ready",
      () => cond(h.store.get(R.helmreleases, "monitoring", "grafana"), "Ready")?.status === "True",
      20_000,
    );
    for (const k of h.store.list(R.kustomizations)) expect(cond(k, "Ready")?.status, k.metadata.name).toBe("True");
    expect(
      h.store
        .list(R.kustomizations)
        .map((k) => k.metadata.name)
        .sort(),
    ).toEqual(["apps", "flux-system", "infrastructure", "monitoring"]);
    expect(h.store.get(R.kustomizations, "flux-system", "apps")?.spec.dependsOn).toEqual([{ name: "infrastructure" }]);
    expect(cond(h.store.get(R.clustersecretstores, undefined, "onepassword"), "Ready")).toMatchObject({
      status: "True",
      reason: "Valid",
    });
    const esNames = h.store
      .list(R.externalsecrets, "airflow")
      .map((e) => e.metadata.name)
      .sort();
    expect(esNames).toEqual([
      "airflow-api-secret",
      "airflow-fernet-key",
      "airflow-git-ssh",
      "airflow-jwt-secret",
      "airflow-metadata",
    ]);
    for (const e of h.store.list(R.externalsecrets))
      expect(cond(e, "Ready")?.reason, e.metadata.name).toBe("SecretSynced");
    expect(secretValue(h.store.get(R.secrets, "airflow", "airflow-metadata"), "connection")).toMatch(
      /^postgresql:\/\/airflow:.+@airflow-db\.prod\.internal:5432\/airflow\?sslmode=require$/,
    );
    expect(h.store.get(R.helmrepositories, "flux-system", "apache-airflow")?.spec.url).toBe(
      "https://airflow.apache.org",
    );
    expect(hr()?.status?.history?.[0]).toMatchObject({
      chartVersion: "1.19.0",
      appVersion: "3.1.7",
      status: "deployed",
    });
    await waitFor(
      "airflow pods ready",
      () => {
        const pods = h.store.list(R.pods, "airflow");
        return pods.length >= 5 && pods.every((p) => cond(p, "Ready")?.status === "True") ? pods : undefined;
      },
      20_000,
    );
    // RBAC filtering is observable: other namespaces hold objects too.
    expect(
      h.store
        .list(R.helmreleases)
        .map((o) => o.metadata.namespace)
        .sort(),
    ).toEqual(["airflow", "analytics", "etl", "monitoring"]);
  });

  it("runs the analytics release (useStandardNaming) behind PgBouncer, all three Secrets templated from one vault item", async () => {
    await waitFor(
      "analytics pods ready",
      () => {
        const pods = h.store.list(R.pods, "analytics").filter((p) => !p.metadata.deletionTimestamp);
        return pods.length >= 3 && pods.every((p) => cond(p, "Ready")?.status === "True") ? pods : undefined;
      },
      20_000,
    );
    const get = (name: string, key: string) => secretValue(h.store.get(R.secrets, "analytics", name), key);
    // The database alias follows the chart's `<release>-metadata` (_helpers.yaml pgbouncer_config), the host its
    // `<fullname>-pgbouncer` (secrets/metadata-connection-secret.yaml).
    expect(get("analytics-airflow-metadata", "connection")).toBe(
      "postgresql://analytics:Analyt1cs-pgb0uncer-2024@analytics-airflow-pgbouncer.analytics:6543/analytics-metadata?sslmode=disable",
    );
    expect(get("analytics-airflow-pgbouncer-config", "users.txt")).toBe('"analytics" "Analyt1cs-pgb0uncer-2024"\n');
    expect(get("analytics-airflow-pgbouncer-config", "pgbouncer.ini")).toContain(
      "analytics-metadata = host=analytics-db.prod.internal dbname=analytics",
    );
    expect(get("analytics-airflow-pgbouncer-stats", "connection")).toContain(
      "analytics:Analyt1cs-pgb0uncer-2024@127.0.0.1:6543",
    );
    // useStandardNaming: `<release>-airflow` (charts/airflow/1.18.0/templates/_helpers.yaml:25-38), the release
    // label stays the release name (pgbouncer/pgbouncer-deployment.yaml:38-45).
    expect(h.store.get(R.deployments, "analytics", "analytics-airflow-pgbouncer")?.metadata.labels).toMatchObject({
      tier: "airflow",
      component: "pgbouncer",
      release: "analytics",
      chart: "airflow-1.18.0",
    });
    expect(h.store.get(R.configmaps, "analytics", "analytics-airflow-config")).toBeTruthy();
    // 1.18 names the fernet key from the release (secrets/fernetkey-secret.yaml:29), a pre-install hook.
    expect(h.store.get(R.secrets, "analytics", "analytics-fernet-key")?.metadata.annotations).toMatchObject({
      "helm.sh/hook": "pre-install",
    });
    expect(h.store.get(R.secrets, "analytics", "sh.helm.release.v1.analytics.v1")?.type).toBe("helm.sh/release.v1");
  });

  it("runs the etl release: chart 1.16 with Airflow 3, the webserver secret key and no JWT or API key", async () => {
    await waitFor(
      "etl ready",
      () => cond(h.store.get(R.helmreleases, "etl", "etl"), "Ready")?.status === "True",
      20_000,
    );
    const secrets = h.store
      .list(R.secrets, "etl")
      .filter((s) => s.type !== "helm.sh/release.v1")
      .map((s) => s.metadata.name)
      .sort();
    // charts/airflow/1.16.0/templates/secrets/: fernetkey-secret.yaml:28, metadata-connection-secret.yaml:36,
    // webserver-secret-key-secret.yaml:28, redis-secrets.yaml:36 and :62 (rendered whatever the executor).
    expect(secrets).toEqual([
      "etl-broker-url",
      "etl-fernet-key",
      "etl-metadata",
      "etl-redis-password",
      "etl-webserver-secret-key",
    ]);
    expect(secretValue(h.store.get(R.secrets, "etl", "etl-metadata"), "connection")).toBe(
      "postgresql://etl:Etl-inline-2024@etl-db.prod.internal:5432/etl?sslmode=disable",
    );
    // The ServiceAccounts use `airflow.serviceAccountName`, which appends the chart name even without
    // useStandardNaming (charts/airflow/1.16.0/templates/_helpers.yaml:40-51).
    expect(h.store.get(R.deployments, "etl", "etl-scheduler")?.spec.template.spec.serviceAccountName).toBe(
      "etl-airflow-scheduler",
    );
    expect(h.store.get(R.deployments, "etl", "etl-api-server")).toBeTruthy();
  });

  it("has the production-checklist gaps and the good parts", () => {
    const sched = h.store.get(R.deployments, "airflow", "airflow-scheduler");
    expect(sched?.spec.replicas).toBe(1);
    expect(h.store.list(R.pdbs, "airflow")).toHaveLength(0);
    expect(h.store.get(R.deployments, "airflow", "airflow-pgbouncer")).toBeUndefined();
    expect(h.store.get(R.deployments, "airflow", "airflow-statsd")).toBeTruthy();
    expect(h.store.get(R.statefulsets, "airflow", "airflow-postgresql")).toBeUndefined();
    expect(containers(h.store.get(R.deployments, "airflow", "airflow-dag-processor"))).toContain("git-sync");
    expect(containers(h.store.get(R.statefulsets, "airflow", "airflow-triggerer"))).toContain("git-sync");
    // `<fullname>-config` (charts/airflow/1.19.0/templates/_helpers.yaml:640-642, configmaps/configmap.yaml:26).
    const cfg = h.store.get(R.configmaps, "airflow", "airflow-config")?.data as Record<string, string>;
    expect(cfg.known_hosts).toContain("github.com ssh-ed25519");
    expect(cfg["airflow.cfg"]).toContain("remote_logging = True");
    expect(cfg["airflow.cfg"]).toContain("remote_base_log_folder = s3://acme-airflow-logs/production");
    expect(cfg["airflow.cfg"]).toContain("executor = KubernetesExecutor");
    const owner = h.store.get(R.secrets, "airflow", "airflow-fernet-key")?.metadata.ownerReferences?.[0];
    expect(owner).toMatchObject({ kind: "ExternalSecret", name: "airflow-fernet-key" });
  });

  it("turns checklist items green when values change (fluxtower edits survive the Kustomization; kubectl ones do not)", async () => {
    h.store.mutate(
      R.helmreleases,
      "airflow",
      "airflow",
      (o) => {
        o.spec.values.scheduler = { replicas: 2, podDisruptionBudget: { enabled: true } };
        o.spec.values.pgbouncer = { enabled: true };
      },
      { fieldManager: "fluxtower" },
    );
    await waitFor("upgraded", () => healthyHr()?.status?.history?.[0]?.version === 2, 20_000);
    await waitFor(
      "two schedulers",
      () => h.store.get(R.deployments, "airflow", "airflow-scheduler")?.status?.readyReplicas === 2,
      10_000,
    );
    expect(h.store.get(R.pdbs, "airflow", "airflow-scheduler-pdb")).toBeTruthy();

    // The apps Kustomization re-applies its manifest: keys it sets win (scheduler.replicas: 1 is in Git),
    // keys only fluxtower set survive (pgbouncer), keys set with kubectl are removed.
    h.store.mutate(
      R.helmreleases,
      "airflow",
      "airflow",
      (o) => {
        o.spec.values.triggerer = { replicas: 2 };
      },
      { fieldManager: "kubectl-patch" },
    );
    const t = token();
    annotate(h.store, R.kustomizations, "flux-system", "apps", { "reconcile.fluxcd.io/requestedAt": t }, "flux");
    await waitFor(
      "apps reconciled",
      () => h.store.get(R.kustomizations, "flux-system", "apps")?.status?.lastHandledReconcileAt === t,
    );
    const values = hr()?.spec.values;
    expect(values.pgbouncer).toEqual({ enabled: true });
    expect(values.triggerer).toBeUndefined();
    expect(values.scheduler.replicas).toBe(1);
    expect(values.scheduler.podDisruptionBudget).toEqual({ enabled: true });
  });
});

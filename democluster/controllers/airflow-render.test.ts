// What the demo renders for the official Airflow chart beyond names: the bundled Bitnami PostgreSQL, pgbouncer.ini,
// Jobs, workload kinds, labels, git-sync and extraSecrets hooks, each against the template that decides it
// (charts/airflow/<version>/templates/…).
import { describe, expect, it } from "vitest";
import type { KObject } from "../store/types";
import { Rng } from "../sim/random";
import { renderAirflow } from "./airflow-chart";
import type { Rendered } from "./chart-objects";

const REF = { release: "prod", namespace: "data", hrName: "prod", hrNamespace: "data" };
const APP: Record<string, string> = { "1.16.0": "2.10.5", "1.17.0": "3.0.2", "1.18.0": "3.0.2", "1.19.0": "3.1.7" };

function render(version: string, values: Record<string, unknown>): Rendered {
  return renderAirflow(REF, { name: "airflow", version, appVersion: APP[version] as string }, values, {
    rng: new Rng("render"),
    existing: () => undefined,
  });
}
const all = (r: Rendered) => [...r.manifests, ...r.hooks];
const get = (r: Rendered, kind: string, name: string): KObject | undefined =>
  all(r).find((o) => o.object.kind === kind && o.object.metadata.name === name)?.object;
const data = (o: KObject | undefined, key: string) =>
  Buffer.from((o?.data as Record<string, string>)[key] ?? "", "base64").toString("utf8");
type Env = { name: string; value?: string; valueFrom?: { secretKeyRef?: { name: string; key: string } } };
const envOf = (o: KObject | undefined, container: string): Env[] =>
  ((o?.spec?.template?.spec?.containers ?? []) as { name: string; env?: Env[] }[]).find((c) => c.name === container)
    ?.env ?? [];

describe("Airflow chart rendering", () => {
  it("bundles Bitnami PostgreSQL with Bitnami's labels and no tier label (postgresql 13.2.24 subchart)", () => {
    const r = render("1.18.0", {});
    const sts = get(r, "StatefulSet", "prod-postgresql");
    expect(sts?.metadata.labels).toEqual({
      "app.kubernetes.io/instance": "prod",
      "app.kubernetes.io/managed-by": "Helm",
      "app.kubernetes.io/name": "postgresql",
      "helm.sh/chart": "postgresql-13.2.24",
      "app.kubernetes.io/component": "primary",
    });
    expect(sts?.spec.serviceName).toBe("prod-postgresql-hl");
    expect(data(get(r, "Secret", "prod-postgresql"), "postgres-password")).toBe("postgres");
    // secrets/metadata-connection-secret.yaml:24-25: the default host is `<release>-postgresql.<namespace>`.
    expect(data(get(r, "Secret", "prod-metadata"), "connection")).toBe(
      "postgresql://postgres:postgres@prod-postgresql.data:5432/postgres?sslmode=disable",
    );
    expect(
      all(r).find((o) => o.object.kind === "StatefulSet" && o.object.metadata.name === "prod-postgresql")?.source,
    ).toBe("airflow/charts/postgresql/templates/primary/statefulset.yaml");
    expect(get(render("1.18.0", { postgresql: { enabled: false } }), "StatefulSet", "prod-postgresql")).toBeUndefined();
  });

  it("writes pgbouncer.ini with both databases and the configured auth_type (_helpers.yaml pgbouncer_config)", () => {
    const r = render("1.19.0", {
      useStandardNaming: true,
      pgbouncer: { enabled: true, auth_type: "md5" },
      data: { metadataConnection: { user: "af", pass: "p@ss word", host: "db.internal", db: "meta" } },
    });
    const ini = data(get(r, "Secret", "prod-airflow-pgbouncer-config"), "pgbouncer.ini");
    expect(ini).toContain("\nprod-metadata = host=db.internal dbname=meta port=5432 pool_size=10 \n");
    expect(ini).toContain("\nprod-result-backend = host=db.internal dbname=meta port=5432 pool_size=5 \n");
    expect(ini).toContain("\nauth_type = md5\n");
    expect(data(get(r, "Secret", "prod-airflow-pgbouncer-config"), "users.txt")).toBe(
      '\n"af" "p@ss word"\n"af" "p@ss word"',
    );
    // metadata-connection-secret.yaml: `<fullname>-pgbouncer.<ns>:6543/<release>-metadata`, userinfo re-escaped by
    // url.Userinfo after urlquery (a space becomes "+" and stays "+").
    expect(data(get(r, "Secret", "prod-airflow-metadata"), "connection")).toBe(
      "postgresql://af:p%40ss+word@prod-airflow-pgbouncer.data:6543/prod-metadata?sslmode=disable",
    );
  });

  it("renders the create-user Job only when the version's condition holds (jobs/create-user-job.yaml:23)", () => {
    const off = { webserver: { defaultUser: { enabled: false } } };
    for (const v of ["1.16.0", "1.17.0", "1.18.0"]) {
      expect(get(render(v, {}), "Job", "prod-create-user"), v).toBeDefined();
      expect(get(render(v, off), "Job", "prod-create-user"), v).toBeUndefined();
      // create-user-job-serviceaccount.yaml:23 follows the same switch up to 1.18.
      expect(get(render(v, off), "ServiceAccount", "prod-airflow-create-user-job"), v).toBeUndefined();
    }
    expect(get(render("1.19.0", {}), "Job", "prod-create-user")).toBeDefined();
    expect(get(render("1.19.0", { createUserJob: { enabled: false } }), "Job", "prod-create-user")).toBeUndefined();
    expect(
      get(render("1.19.0", { createUserJob: { enabled: false } }), "ServiceAccount", "prod-airflow-create-user-job"),
    ).toBeDefined();
    // useHelmHooks: false puts the Jobs into the manifest (ArgoCD-style).
    const r = render("1.18.0", { migrateDatabaseJob: { useHelmHooks: false } });
    expect(r.manifests.some((o) => o.object.metadata.name === "prod-run-airflow-migrations")).toBe(true);
  });

  it("runs workers and the triggerer as StatefulSets with persistence, Deployments without", () => {
    const celery = { executor: "CeleryExecutor" };
    expect(get(render("1.18.0", celery), "StatefulSet", "prod-worker")).toBeDefined();
    expect(
      get(render("1.18.0", { ...celery, workers: { persistence: { enabled: false } } }), "Deployment", "prod-worker"),
    ).toBeDefined();
    expect(get(render("1.18.0", {}), "StatefulSet", "prod-triggerer")).toBeDefined();
    expect(
      get(render("1.18.0", { triggerer: { persistence: { enabled: false } } }), "Deployment", "prod-triggerer"),
    ).toBeDefined();
    // scheduler/scheduler-deployment.yaml:30: a StatefulSet only with a Local executor and worker persistence.
    expect(get(render("1.18.0", { executor: "LocalExecutor" }), "StatefulSet", "prod-scheduler")).toBeDefined();
  });

  it("labels Secrets `chart: airflow` in 1.16 and `airflow-<version>` later, except the JWT and broker-url Secrets", () => {
    expect(get(render("1.16.0", {}), "Secret", "prod-metadata")?.metadata.labels?.chart).toBe("airflow");
    expect(get(render("1.17.0", {}), "Secret", "prod-metadata")?.metadata.labels?.chart).toBe("airflow-1.17.0");
    expect(get(render("1.18.0", {}), "Secret", "prod-jwt-secret")?.metadata.labels).toMatchObject({
      chart: "airflow",
      component: "api-server",
    });
    expect(get(render("1.18.0", {}), "Secret", "prod-broker-url")?.metadata.labels?.chart).toBe("airflow");
    expect(get(render("1.18.0", {}), "Secret", "prod-redis-password")?.metadata.labels?.chart).toBe("airflow-1.18.0");
  });

  it("wires git-sync like _helpers.yaml git_sync_container: all four credential keys, wait beside period", () => {
    const r = render("1.18.0", {
      dags: {
        gitSync: { enabled: true, repo: "https://git.example/dags.git", credentialsSecret: "git-creds", wait: 60 },
      },
    });
    const env = envOf(get(r, "Deployment", "prod-dag-processor"), "git-sync");
    const refs = env
      .filter((e) => e.valueFrom?.secretKeyRef?.name === "git-creds")
      .map((e) => e.valueFrom?.secretKeyRef?.key);
    expect(refs).toEqual(["GIT_SYNC_USERNAME", "GITSYNC_USERNAME", "GIT_SYNC_PASSWORD", "GITSYNC_PASSWORD"]);
    expect(env.find((e) => e.name === "GIT_SYNC_WAIT")?.value).toBe("60");
    expect(env.find((e) => e.name === "GITSYNC_PERIOD")?.value).toBe("5s");
    // Airflow 3: git-sync in the dag-processor, not the scheduler.
    expect(envOf(get(r, "Deployment", "prod-scheduler"), "git-sync")).toEqual([]);
  });

  it("renders extraSecrets as pre-install/pre-upgrade hooks unless useHelmHooks is false", () => {
    const r = render("1.18.0", {
      extraSecrets: {
        "{{ .Release.Name }}-connections": { data: "AIRFLOW_CONN_X: eA==\n" },
        plain: { useHelmHooks: false, stringData: "key: value\n" },
      },
    });
    const hook = r.hooks.find((o) => o.object.metadata.name === "prod-connections")?.object;
    expect(hook?.metadata.annotations).toMatchObject({
      "helm.sh/hook": "pre-install,pre-upgrade",
      "helm.sh/hook-weight": "0",
    });
    expect(hook?.data).toEqual({ AIRFLOW_CONN_X: "eA==" });
    expect(r.manifests.find((o) => o.object.metadata.name === "plain")?.object.stringData).toEqual({ key: "value" });
  });

  it("1.17 with useStandardNaming: pods read `<release>-jwt-secret`, the chart renders `<fullname>-jwt-secret`", () => {
    const r = render("1.17.0", { useStandardNaming: true });
    expect(get(r, "Secret", "prod-airflow-jwt-secret")).toBeDefined();
    const ref = envOf(get(r, "Deployment", "prod-airflow-api-server"), "api-server").find(
      (e) => e.name === "AIRFLOW__API_AUTH__JWT_SECRET",
    );
    expect(ref?.valueFrom?.secretKeyRef).toEqual({ name: "prod-jwt-secret", key: "jwt-secret" });
  });

  it("renders airflow.cfg from the chart's config with its template expressions evaluated (configmaps/configmap.yaml)", () => {
    const cm = get(
      render("1.19.0", { useStandardNaming: true, executor: "KubernetesExecutor" }),
      "ConfigMap",
      "prod-airflow-config",
    );
    const cfg = (cm?.data as Record<string, string>)["airflow.cfg"] as string;
    expect(cfg).toContain("\nexecution_api_server_url = http://prod-airflow-api-server:8080/execution/\n");
    expect(cfg).toContain("\nstatsd_host = prod-airflow-statsd\n");
    expect(cfg).toContain("\nexecutor = KubernetesExecutor\n");
    expect(cfg).toContain("\nnamespace = data\n");
    expect(cfg).not.toContain("{{");
    // values.yaml airflowLocalSettings: the UI alert only for Airflow 2 without a static webserver secret key.
    expect((cm?.data as Record<string, string>)["airflow_local_settings.py"]).toBe("");
    const af2 = get(render("1.16.0", {}), "ConfigMap", "prod-config")?.data as Record<string, string>;
    expect(af2["airflow_local_settings.py"]).toContain("DASHBOARD_UIALERTS");
    const keyed = get(render("1.16.0", { webserverSecretKeySecretName: "k" }), "ConfigMap", "prod-config")
      ?.data as Record<string, string>;
    expect(keyed["airflow_local_settings.py"]).toBe("");
  });
});

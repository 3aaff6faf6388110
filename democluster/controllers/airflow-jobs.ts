// The chart's Jobs and their ServiceAccounts (templates/jobs/): `<fullname>-run-airflow-migrations` (weight 1) and
// `<fullname>-create-user` (weight 2), post-install/post-upgrade hooks unless `useHelmHooks: false`, and the bundled
// Bitnami PostgreSQL (the postgresql 13.2.24 subchart) when `postgresql.enabled`.
import type { KObject } from "../store/types";
import { asMap, asString, getPath, type JsonMap } from "../sim/objects";
import { postgresqlFullname, truthy } from "./airflow-names";
import { atLeast, chartLabels, createsServiceAccount, serviceAccount, type AirflowSettings } from "./airflow-settings";
import { configVolume, customEnv, standardEnv } from "./airflow-pod";
import {
  meta,
  opaqueSecret,
  secretEnv,
  service,
  serviceAccount as saObject,
  statefulSet,
  type ReleaseRef,
  type RenderedObject,
} from "./chart-objects";

const src = (file: string) => `airflow/templates/jobs/${file}`;

function job(
  s: AirflowSettings,
  ref: ReleaseRef,
  o: { name: string; component: string; section: string; weight: string; sa: string; container: JsonMap },
): KObject {
  const hooks: Record<string, string> = truthy(getPath(s.values, `${o.section}.useHelmHooks`))
    ? {
        "helm.sh/hook": "post-install,post-upgrade",
        "helm.sh/hook-weight": o.weight,
        "helm.sh/hook-delete-policy": "before-hook-creation,hook-succeeded",
      }
    : {};
  const annotations = {
    ...hooks,
    ...((asMap(getPath(s.values, `${o.section}.jobAnnotations`)) as Record<string, string>) ?? {}),
  };
  const ttl = getPath(s.values, `${o.section}.ttlSecondsAfterFinished`);
  return {
    apiVersion: "batch/v1",
    kind: "Job",
    metadata: meta(ref, o.name, chartLabels(s, o.component, { section: o.section }), annotations),
    spec: {
      ...(ttl !== null && ttl !== undefined ? { ttlSecondsAfterFinished: ttl } : {}),
      template: {
        metadata: { labels: { tier: "airflow", component: o.component, release: s.release } },
        spec: {
          securityContext: { runAsUser: Number(s.values.uid ?? 50000), fsGroup: Number(s.values.gid ?? 0) },
          restartPolicy: asString(getPath(s.values, `${o.section}.restartPolicy`)) ?? "OnFailure",
          serviceAccountName: o.sa,
          containers: [o.container],
          volumes: [configVolume(s)],
        },
      },
    },
  };
}

const configMount = (s: AirflowSettings) => ({
  name: "config",
  mountPath: `${asString(s.values.airflowHome) ?? "/opt/airflow"}/airflow.cfg`,
  subPath: "airflow.cfg",
  readOnly: true,
});

export function renderAirflowJobs(s: AirflowSettings, ref: ReleaseRef): RenderedObject[] {
  const out: RenderedObject[] = [];
  const env = (section: string) =>
    truthy(getPath(s.values, `${section}.applyCustomEnv`)) ? [...customEnv(s), ...standardEnv(s)] : standardEnv(s);

  // jobs/migrate-database-job-serviceaccount.yaml, jobs/migrate-database-job.yaml
  const migrateSa = serviceAccount(s, "migrate-database-job");
  if (createsServiceAccount(s, "migrateDatabaseJob"))
    out.push({
      source: src("migrate-database-job-serviceaccount.yaml"),
      object: saObject(ref, migrateSa, chartLabels(s, "run-airflow-migrations", { section: "migrateDatabaseJob" })),
    });
  if (truthy(getPath(s.values, "migrateDatabaseJob.enabled"))) {
    const verb = atLeast(s, "2.7.0") ? "db migrate" : atLeast(s, "2.0.0") ? "db upgrade" : "upgradedb";
    out.push({
      source: src("migrate-database-job.yaml"),
      object: job(s, ref, {
        name: `${s.fullname}-run-airflow-migrations`,
        component: "run-airflow-migrations",
        section: "migrateDatabaseJob",
        weight: "1",
        sa: migrateSa,
        container: {
          name: "run-airflow-migrations",
          image: s.image,
          imagePullPolicy: "IfNotPresent",
          args: ["bash", "-c", `exec \\\nairflow ${verb}`],
          env: env("migrateDatabaseJob"),
          volumeMounts: [configMount(s)],
          resources: {},
        },
      }),
    });
  }

  // jobs/create-user-job.yaml:23 and create-user-job-serviceaccount.yaml:23: up to 1.18 both follow
  // `webserver.defaultUser.enabled`; 1.19 renders the Job for that or `createUserJob.enabled` and always the account.
  const legacyUser = asMap(getPath(s.values, "webserver.defaultUser"));
  const createUser =
    s.line === "1.19"
      ? (legacyUser !== undefined && truthy(legacyUser.enabled)) || truthy(getPath(s.values, "createUserJob.enabled"))
      : truthy(legacyUser?.enabled);
  const createUserSa = serviceAccount(s, "create-user-job");
  if (createsServiceAccount(s, "createUserJob") && (s.line === "1.19" || createUser))
    out.push({
      source: src("create-user-job-serviceaccount.yaml"),
      object: saObject(ref, createUserSa, chartLabels(s, "create-user-job", { section: "createUserJob" })),
    });
  if (createUser) {
    const u = legacyUser ?? asMap(getPath(s.values, "createUserJob.defaultUser")) ?? {};
    const f = (k: string) => String(u[k] ?? "");
    out.push({
      source: src("create-user-job.yaml"),
      object: job(s, ref, {
        name: `${s.fullname}-create-user`,
        component: "create-user-job",
        section: "createUserJob",
        weight: "2",
        sa: createUserSa,
        container: {
          name: "create-user",
          image: s.image,
          imagePullPolicy: "IfNotPresent",
          args: [
            "bash",
            "-c",
            `exec \\\nairflow ${atLeast(s, "2.0.0") ? "users create" : "create_user"} "$@"`,
            "--",
            ...["-r", f("role"), "-u", f("username"), "-e", f("email"), "-f", f("firstName"), "-l", f("lastName")],
            ...["-p", f("password")],
          ],
          env: env("createUserJob"),
          volumeMounts: [configMount(s)],
          resources: {},
        },
      }),
    });
  }
  return out;
}

/** The Bitnami postgresql 13.2.24 subchart: Secret, StatefulSet and Services, Bitnami's standard labels (no
 *  `tier`); `airflow/charts/postgresql/templates/…`. */
export function renderBundledPostgresql(s: AirflowSettings, ref: ReleaseRef): RenderedObject[] {
  if (!s.postgresql) return [];
  const full = postgresqlFullname(s.release, s.values);
  const standard = {
    "app.kubernetes.io/instance": s.release,
    "app.kubernetes.io/managed-by": "Helm",
    "app.kubernetes.io/name": "postgresql",
    "helm.sh/chart": "postgresql-13.2.24",
  };
  const primary = { ...standard, "app.kubernetes.io/component": "primary" };
  const selector = {
    "app.kubernetes.io/instance": s.release,
    "app.kubernetes.io/name": "postgresql",
    "app.kubernetes.io/component": "primary",
  };
  const auth = (k: string) => asString(getPath(s.values, `postgresql.auth.${k}`)) ?? "";
  const existing = auth("existingSecret");
  const secretName = existing || full;
  const out: RenderedObject[] = [];
  const p = (file: string) => `airflow/charts/postgresql/templates/${file}`;
  if (!existing) {
    const data: Record<string, string> = {};
    if (truthy(getPath(s.values, "postgresql.auth.enablePostgresUser")))
      data["postgres-password"] = auth("postgresPassword");
    if (auth("username")) data.password = auth("password");
    out.push({ source: p("secrets.yaml"), object: opaqueSecret(ref, full, standard, data) });
  }
  const registry = "docker.io";
  const repo = asString(getPath(s.values, "postgresql.image.repository")) ?? "bitnami/postgresql";
  const tag = asString(getPath(s.values, "postgresql.image.tag")) ?? "16.1.0-debian-11-r15";
  const container = {
    name: "postgresql",
    image: `${registry}/${repo}:${tag}`,
    imagePullPolicy: "IfNotPresent",
    env: [secretEnv("POSTGRES_PASSWORD", secretName, "postgres-password")],
    ports: [{ name: "tcp-postgresql", containerPort: 5432 }],
    resources: {},
  };
  out.push({
    source: p("primary/svc-headless.yaml"),
    object: service(ref, `${full}-hl`, primary, selector, [{ name: "tcp-postgresql", port: 5432 }], true),
  });
  out.push({
    source: p("primary/svc.yaml"),
    object: service(ref, full, primary, selector, [{ name: "tcp-postgresql", port: 5432 }]),
  });
  out.push({
    source: p("primary/statefulset.yaml"),
    object: statefulSet(
      ref,
      full,
      primary,
      selector,
      1,
      {
        labels: { ...primary },
        spec: { serviceAccountName: "default", restartPolicy: "Always", containers: [container] },
      },
      { serviceName: `${full}-hl` },
    ),
  });
  return out;
}

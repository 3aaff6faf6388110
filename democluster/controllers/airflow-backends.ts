// Supporting services of the airflow chart: StatsD exporter, PgBouncer, Redis (Celery broker) and the embedded
// bitnami PostgreSQL (when postgresql.enabled, the default — a production-checklist failure).
import type { KObject } from "../store/types";
import { asNumber, getPath, type JsonMap } from "../sim/objects";
import { pdbConfig, replicasOf, type AirflowSettings } from "./airflow-settings";
import {
  deployment,
  opaqueSecret,
  pdb,
  secretEnv,
  service,
  serviceAccount,
  statefulSet,
  type ReleaseRef,
} from "./chart-objects";

type Labels = (component: string) => Record<string, string>;

export function renderAirflowBackends(s: AirflowSettings, ref: ReleaseRef, base: Labels, selector: Labels): KObject[] {
  const r = s.release;
  const out: KObject[] = [];
  const pod = (
    component: string,
    containers: JsonMap[],
    volumes: JsonMap[] = [],
  ): { labels: Record<string, string>; spec: JsonMap } => ({
    labels: selector(component),
    spec: {
      serviceAccountName: `${r}-${component}`,
      restartPolicy: "Always",
      terminationGracePeriodSeconds: 30,
      containers,
      volumes,
    },
  });

  if (s.statsd) {
    const c = {
      name: "statsd",
      image: "quay.io/prometheus/statsd-exporter:v0.28.0",
      args: ["--statsd.mapping-config=/etc/statsd-exporter/mappings.yml"],
      ports: [
        { name: "statsd-ingest", containerPort: 9125, protocol: "UDP" },
        { name: "statsd-scrape", containerPort: 9102 },
      ],
      resources: {},
    };
    out.push(serviceAccount(ref, `${r}-statsd`, base("statsd")));
    out.push(deployment(ref, `${r}-statsd`, base("statsd"), selector("statsd"), 1, pod("statsd", [c])));
    out.push(
      service(ref, `${r}-statsd`, base("statsd"), selector("statsd"), [
        { name: "statsd-ingest", port: 9125, protocol: "UDP" },
        { name: "statsd-scrape", port: 9102 },
      ]),
    );
  }

  if (s.pgbouncer) {
    const configSecret =
      (getPath(s.values, "pgbouncer.configSecretName") as string | undefined) ?? `${r}-pgbouncer-config`;
    const statsSecret =
      (getPath(s.values, "pgbouncer.metricsExporterSidecar.statsSecretName") as string | undefined) ??
      `${r}-pgbouncer-stats`;
    const maxClientConn = asNumber(getPath(s.values, "pgbouncer.maxClientConn")) ?? 100;
    const poolSize = asNumber(getPath(s.values, "pgbouncer.metadataPoolSize")) ?? 10;
    // Like the chart's pgbouncer_config / pgbouncer_users helpers: the same user and password as the metadata
    // connection in users.txt, stats_users and the exporter's stats connection.
    const conn = (k: string, d: string): string => {
      const v = getPath(s.values, `data.metadataConnection.${k}`);
      return v === undefined || v === null ? d : String(v);
    };
    const user = conn("user", "postgres");
    const pass = conn("pass", "postgres");
    const dbHost = conn("host", s.postgresql ? `${r}-postgresql.${s.namespace}` : "postgres");
    if (configSecret === `${r}-pgbouncer-config`) {
      const ini = `[databases]\n${r}-metadata = host=${dbHost} dbname=${conn("db", "postgres")} port=${conn("port", "5432")} pool_size=${poolSize}\n\n[pgbouncer]\npool_mode = transaction\nlisten_port = 6543\nlisten_addr = *\nauth_type = scram-sha-256\nauth_file = /etc/pgbouncer/users.txt\nstats_users = ${user}\nignore_startup_parameters = extra_float_digits\nmax_client_conn = ${maxClientConn}\nverbose = 0\nlog_disconnections = 0\nlog_connections = 0\n\nserver_tls_sslmode = prefer\nserver_tls_ciphers = normal\n`;
      const quote = (v: string) => `"${v.replace(/"/g, '""')}"`;
      out.push(
        opaqueSecret(ref, configSecret, base("pgbouncer"), {
          "pgbouncer.ini": ini,
          "users.txt": `${quote(user)} ${quote(pass)}`,
        }),
      );
    }
    if (statsSecret === `${r}-pgbouncer-stats`) {
      const q = (v: string) => encodeURIComponent(v);
      out.push(
        opaqueSecret(ref, statsSecret, base("pgbouncer"), {
          connection: `postgresql://${q(user)}:${q(pass)}@127.0.0.1:6543/pgbouncer?sslmode=disable`,
        }),
      );
    }
    const containers: JsonMap[] = [
      {
        name: "pgbouncer",
        image: "apache/airflow:airflow-pgbouncer-2025.03.05-1.23.1",
        command: ["pgbouncer", "-u", "nobody", "/etc/pgbouncer/pgbouncer.ini"],
        ports: [{ name: "pgbouncer", containerPort: 6543 }],
        volumeMounts: [
          {
            name: "pgbouncer-config",
            mountPath: "/etc/pgbouncer/pgbouncer.ini",
            subPath: "pgbouncer.ini",
            readOnly: true,
          },
          { name: "pgbouncer-config", mountPath: "/etc/pgbouncer/users.txt", subPath: "users.txt", readOnly: true },
        ],
        resources: {},
      },
      {
        name: "metrics-exporter",
        image: "apache/airflow:airflow-pgbouncer-exporter-2025.03.05-0.18.0",
        env: [secretEnv("DATABASE_URL", statsSecret, "connection")],
        ports: [{ name: "pgb-metrics", containerPort: 9127 }],
        resources: {},
      },
    ];
    const volumes = [{ name: "pgbouncer-config", secret: { secretName: configSecret } }];
    out.push(serviceAccount(ref, `${r}-pgbouncer`, base("pgbouncer")));
    out.push(
      deployment(
        ref,
        `${r}-pgbouncer`,
        base("pgbouncer"),
        selector("pgbouncer"),
        replicasOf(s.values, "pgbouncer"),
        pod("pgbouncer", containers, volumes),
      ),
    );
    out.push(
      service(ref, `${r}-pgbouncer`, base("pgbouncer"), selector("pgbouncer"), [
        { name: "pgbouncer", port: 6543 },
        { name: "pgbouncer-metrics", port: 9127 },
      ]),
    );
    const cfg = pdbConfig(s.values, "pgbouncer");
    if (cfg) out.push(pdb(ref, `${r}-pgbouncer-pdb`, base("pgbouncer"), selector("pgbouncer"), cfg));
  }

  if (s.celery && s.redis) {
    const c = {
      name: "redis",
      image: "redis:7.2-bookworm",
      command: ["/bin/sh"],
      args: ["-c", 'redis-server --requirepass "${REDIS_PASSWORD}"'],
      env: [secretEnv("REDIS_PASSWORD", `${r}-redis-password`, "password")],
      ports: [{ name: "redis-db", containerPort: 6379 }],
      resources: {},
    };
    out.push(serviceAccount(ref, `${r}-redis`, base("redis")));
    out.push(statefulSet(ref, `${r}-redis`, base("redis"), selector("redis"), 1, pod("redis", [c])));
    out.push(service(ref, `${r}-redis`, base("redis"), selector("redis"), [{ name: "redis-db", port: 6379 }]));
  }

  if (s.postgresql) {
    const labels = {
      "app.kubernetes.io/name": "postgresql",
      "app.kubernetes.io/instance": r,
      "app.kubernetes.io/component": "primary",
      "helm.sh/chart": "postgresql-13.2.24",
    };
    const sel = {
      "app.kubernetes.io/name": "postgresql",
      "app.kubernetes.io/instance": r,
      "app.kubernetes.io/component": "primary",
    };
    const c = {
      name: "postgresql",
      image: "docker.io/bitnami/postgresql:16.1.0-debian-11-r15",
      env: [secretEnv("POSTGRES_PASSWORD", `${r}-postgresql`, "postgres-password")],
      ports: [{ name: "tcp-postgresql", containerPort: 5432 }],
      resources: {},
    };
    out.push(
      statefulSet(
        ref,
        `${r}-postgresql`,
        labels,
        sel,
        1,
        { labels: sel, spec: { restartPolicy: "Always", containers: [c] } },
        { serviceName: `${r}-postgresql-hl` },
      ),
    );
    out.push(service(ref, `${r}-postgresql`, labels, sel, [{ name: "tcp-postgresql", port: 5432 }]));
    out.push(service(ref, `${r}-postgresql-hl`, labels, sel, [{ name: "tcp-postgresql", port: 5432 }], true));
  }
  return out;
}

// Supporting services of the Airflow chart: StatsD exporter (statsd/), PgBouncer (pgbouncer/) and Redis for Celery
// (redis/), with their ServiceAccounts, Services, the StatsD ConfigMap and the PgBouncer PDB.
import { getPath, type JsonMap } from "../sim/objects";
import { sha256Hex, stableStringify } from "../sim/hash";
import {
  chartLabels,
  createsServiceAccount,
  pdbConfig,
  replicasOf,
  selectorLabels,
  serviceAccount,
  type AirflowSettings,
} from "./airflow-settings";
import {
  deployment,
  meta,
  pdb,
  secretEnv,
  service,
  serviceAccount as saObject,
  statefulSet,
  type ReleaseRef,
  type RenderedObject,
} from "./chart-objects";
import type { KObject } from "../store/types";

const src = (file: string) => `airflow/templates/${file}`;
const image = (s: AirflowSettings, key: string) =>
  `${String(getPath(s.values, `images.${key}.repository`))}:${String(getPath(s.values, `images.${key}.tag`))}`;
const port = (s: AirflowSettings, key: string) => Number(getPath(s.values, `ports.${key}`));

export function renderAirflowBackends(
  s: AirflowSettings,
  ref: ReleaseRef,
  pgbouncerConfig?: KObject,
): RenderedObject[] {
  const out: RenderedObject[] = [];
  const put = (file: string, object: KObject) => out.push({ source: src(file), object });
  const pod = (
    component: string,
    sa: string,
    containers: JsonMap[],
    volumes: JsonMap[] = [],
    annotations?: Record<string, string>,
  ) => ({
    labels: selectorLabels(s, component),
    ...(annotations ? { annotations } : {}),
    spec: { serviceAccountName: sa, restartPolicy: "Always", terminationGracePeriodSeconds: 30, containers, volumes },
  });

  if (s.statsd) {
    const labels = chartLabels(s, "statsd", { section: "statsd" });
    const mappings: KObject = {
      apiVersion: "v1",
      kind: "ConfigMap",
      metadata: meta(ref, `${s.fullname}-statsd`, chartLabels(s, "config")),
      data: { "mappings.yml": "mappings:" },
    };
    const sa = serviceAccount(s, "statsd");
    const c = {
      name: "statsd",
      image: image(s, "statsd"),
      imagePullPolicy: "IfNotPresent",
      args: ["--statsd.mapping-config=/etc/statsd-exporter/mappings.yml"],
      ports: [
        { name: "statsd-ingest", containerPort: port(s, "statsdIngest"), protocol: "UDP" },
        { name: "statsd-scrape", containerPort: port(s, "statsdScrape") },
      ],
      volumeMounts: [{ name: "config", mountPath: "/etc/statsd-exporter/mappings.yml", subPath: "mappings.yml" }],
      resources: {},
    };
    if (createsServiceAccount(s, "statsd")) put("statsd/statsd-serviceaccount.yaml", saObject(ref, sa, labels));
    put("configmaps/statsd-configmap.yaml", mappings);
    put(
      "statsd/statsd-deployment.yaml",
      deployment(
        ref,
        `${s.fullname}-statsd`,
        labels,
        selectorLabels(s, "statsd"),
        1,
        pod("statsd", sa, [c], [{ name: "config", configMap: { name: `${s.fullname}-statsd` } }], {
          "checksum/statsd-config": sha256Hex(stableStringify(mappings)),
        }),
      ),
    );
    put(
      "statsd/statsd-service.yaml",
      service(ref, `${s.fullname}-statsd`, labels, selectorLabels(s, "statsd"), [
        { name: "statsd-ingest", port: port(s, "statsdIngest"), protocol: "UDP" },
        { name: "statsd-scrape", port: port(s, "statsdScrape") },
      ]),
    );
  }

  if (s.pgbouncer) {
    const labels = chartLabels(s, "pgbouncer", { section: "pgbouncer" });
    const sa = serviceAccount(s, "pgbouncer");
    const statsKey = String(getPath(s.values, "pgbouncer.metricsExporterSidecar.statsSecretKey") ?? "") || "connection";
    const containers: JsonMap[] = [
      {
        name: "pgbouncer",
        image: image(s, "pgbouncer"),
        imagePullPolicy: "IfNotPresent",
        command: ["pgbouncer", "-u", "nobody", "/etc/pgbouncer/pgbouncer.ini"],
        ports: [{ name: "pgbouncer", containerPort: port(s, "pgbouncer") }],
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
        image: image(s, "pgbouncerExporter"),
        imagePullPolicy: "IfNotPresent",
        env: [secretEnv("DATABASE_URL", s.names.pgbouncerStats, statsKey)],
        ports: [{ name: "metrics", containerPort: port(s, "pgbouncerScrape") }],
        resources: {},
      },
    ];
    const volumes = [{ name: "pgbouncer-config", secret: { secretName: s.names.pgbouncerConfig } }];
    const annotations = {
      "checksum/pgbouncer-config-secret": sha256Hex(pgbouncerConfig ? stableStringify(pgbouncerConfig) : ""),
      "checksum/pgbouncer-certificates-secret": sha256Hex(""),
    };
    if (createsServiceAccount(s, "pgbouncer"))
      put("pgbouncer/pgbouncer-serviceaccount.yaml", saObject(ref, sa, labels));
    put(
      "pgbouncer/pgbouncer-deployment.yaml",
      deployment(
        ref,
        `${s.fullname}-pgbouncer`,
        labels,
        selectorLabels(s, "pgbouncer"),
        replicasOf(s.values, "pgbouncer"),
        pod("pgbouncer", sa, containers, volumes, annotations),
      ),
    );
    put(
      "pgbouncer/pgbouncer-service.yaml",
      service(ref, `${s.fullname}-pgbouncer`, labels, selectorLabels(s, "pgbouncer"), [
        { name: "pgbouncer", port: port(s, "pgbouncer") },
        { name: "pgb-metrics", port: port(s, "pgbouncerScrape") },
      ]),
    );
    const cfg = pdbConfig(s.values, "pgbouncer");
    if (cfg)
      put(
        "pgbouncer/pgbouncer-poddisruptionbudget.yaml",
        pdb(ref, `${s.fullname}-pgbouncer-pdb`, labels, selectorLabels(s, "pgbouncer"), cfg),
      );
  }

  if (s.celery && s.redis) {
    const labels = chartLabels(s, "redis", { section: "redis" });
    const sa = serviceAccount(s, "redis");
    const c = {
      name: "redis",
      image: image(s, "redis"),
      imagePullPolicy: "IfNotPresent",
      command: ["/bin/sh"],
      args: ["-c", 'redis-server --requirepass "${REDIS_PASSWORD}"'],
      env: [secretEnv("REDIS_PASSWORD", s.names.redisPassword, "password")],
      ports: [{ name: "redis-db", containerPort: port(s, "redisDB") }],
      resources: {},
    };
    if (createsServiceAccount(s, "redis")) put("redis/redis-serviceaccount.yaml", saObject(ref, sa, labels));
    put(
      "redis/redis-statefulset.yaml",
      statefulSet(ref, `${s.fullname}-redis`, labels, selectorLabels(s, "redis"), 1, pod("redis", sa, [c]), {
        serviceName: `${s.fullname}-redis`,
      }),
    );
    put(
      "redis/redis-service.yaml",
      service(ref, `${s.fullname}-redis`, labels, selectorLabels(s, "redis"), [
        { name: "redis-db", port: port(s, "redisDB") },
      ]),
    );
  }
  return out;
}

// What each kind of container prints: startup lines and one periodic line per tick, generated deterministically
// from (seed, tick index) so logs can be produced lazily for any number of pods. Airflow components live in
// log-profiles-airflow.ts; supporting programs (git-sync, PgBouncer, StatsD, Redis, PostgreSQL, Grafana) here.
import {
  AIRFLOW_BANNER,
  airflowLine,
  gitSyncLine,
  grafanaLine,
  logfmtLine,
  pgbouncerLine,
  redisLine,
} from "./log-format";
import type { LogContext, LogProfile } from "./log-types";
import { apiServer, dagProcessor, scheduler, triggerer, webserver, worker } from "./log-profiles-airflow";

export type { LogContext, LogProfile } from "./log-types";

const gitSync: LogProfile = {
  name: "git-sync",
  periodMs: 15000,
  startup: (c, t) => [
    gitSyncLine(t, 0, "starting up", {
      version: "v4.4.0",
      pid: 1,
      uid: 65533,
      gid: 65533,
      home: "/tmp",
      flags: [
        "--repo=" + (c.gitRepo ?? ""),
        "--ref=" + (c.gitRef ?? "main"),
        "--root=/git",
        "--link=repo",
        "--period=5s",
      ],
    }),
    gitSyncLine(t + 20, 0, "cloning repo", { origin: c.gitRepo ?? "", path: "/git" }),
  ],
  periodic: (c, t, i, rng) => {
    if (i % 3 !== 0) return [];
    const local = rng.hex(40);
    const remote = rng.hex(40);
    return [
      gitSyncLine(t, 0, "update required", { ref: c.gitRef ?? "main", local, remote, syncCount: i / 3 }),
      gitSyncLine(t + 300, 0, "updated successfully", { ref: c.gitRef ?? "main", remote, syncCount: i / 3 + 1 }),
    ];
  },
};

const pgbouncer: LogProfile = {
  name: "pgbouncer",
  periodMs: 15000,
  startup: (_c, t) => [
    pgbouncerLine(
      t,
      "kernel file descriptor limit: 1048576 (hard: 1048576); max_client_conn: 100, max expected fd use: 152",
    ),
    pgbouncerLine(t + 2, "listening on 0.0.0.0:6543"),
    pgbouncerLine(
      t + 3,
      "process up: PgBouncer 1.23.1, libevent 2.1.12-stable (epoll), adns: c-ares 1.28.1, tls: OpenSSL 3.3.1 4 Jun 2024",
    ),
  ],
  periodic: (_c, t, _i, rng) => [
    pgbouncerLine(
      t,
      `stats: ${rng.int(20)} xacts/s, ${rng.int(120)} queries/s, 0 client parses/s, 0 server parses/s, 0 binds/s, in ${rng.int(9000)} B/s, out ${rng.int(20000)} B/s, xact ${800 + rng.int(2000)} us, query ${100 + rng.int(300)} us, wait ${rng.int(40)} us`,
    ),
  ],
};

const statsd: LogProfile = {
  name: "statsd",
  periodMs: 0,
  startup: (_c, t) => [
    logfmtLine(
      t,
      "info",
      "main.go:321",
      "Starting StatsD -> Prometheus Exporter",
      'version="(version=0.28.0, branch=HEAD, revision=c0a390a2c43f77863278615b47d46e886bdca726)"',
    ),
    logfmtLine(t + 5, "info", "main.go:371", "Accepting StatsD Traffic", "udp=:9125 tcp=:9125 unixgram="),
    logfmtLine(t + 6, "info", "main.go:372", "Accepting Prometheus Requests", "addr=:9102"),
  ],
  periodic: () => [],
};

const redis: LogProfile = {
  name: "redis",
  periodMs: 30000,
  startup: (_c, t) => [redisLine(t, "Server initialized"), redisLine(t + 3, "Ready to accept connections tcp")],
  periodic: (_c, t) => [
    redisLine(t, "100 changes in 300 seconds. Saving..."),
    redisLine(t + 5, "Background saving started by pid 42"),
  ],
};

const logGroomer: LogProfile = {
  name: "log-groomer",
  periodMs: 900000,
  startup: () => ["Cleaning logs every 900 seconds", "Trimming airflow logs to 15 days."],
  periodic: () => ["Trimming airflow logs to 15 days."],
};

const postgres: LogProfile = {
  name: "postgresql",
  periodMs: 60000,
  startup: (_c, t) => {
    const hm = new Date(t).toISOString().slice(11, 22);
    return [
      `postgresql ${hm} INFO  ==> ** Starting PostgreSQL setup **`,
      `postgresql ${hm} INFO  ==> ** PostgreSQL setup finished! **`,
      `${new Date(t).toISOString().replace("T", " ").replace("Z", " GMT")} [1] LOG:  database system is ready to accept connections`,
    ];
  },
  periodic: (_c, t) => [
    `${new Date(t).toISOString().replace("T", " ").replace("Z", " GMT")} [63] LOG:  checkpoint starting: time`,
  ],
};

const grafana: LogProfile = {
  name: "grafana",
  periodMs: 20000,
  startup: (_c, t) => [
    grafanaLine(t, "settings", "info", "Starting Grafana", "version=11.3.0"),
    grafanaLine(t + 30, "http.server", "info", "HTTP Server Listen", "address=[::]:3000 protocol=http"),
  ],
  periodic: (_c, t, _i, rng) => [
    grafanaLine(t, "cleanup", "info", "Completed cleanup jobs", `duration=${(5 + rng.next() * 20).toFixed(3)}ms`),
  ],
};

const generic: LogProfile = {
  name: "generic",
  periodMs: 20000,
  startup: (c, t) => [`time="${new Date(t).toISOString()}" level=info msg="starting ${c.container}"`],
  periodic: (_c, t) => [
    `time="${new Date(t).toISOString()}" level=info msg="handled request" path=/healthz status=200`,
  ],
};

/** Short-lived containers (init containers, Jobs) print their whole output at once. */
export function oneShotLines(ctx: LogContext, t: number): string[] | undefined {
  const name = ctx.container;
  if (name === "run-airflow-migrations" || name.includes("migrat")) {
    if (name === "wait-for-airflow-migrations") return ["Waiting for migrations... 0 second(s)", "DB migrations done."];
    return [
      ...AIRFLOW_BANNER,
      "DB: postgresql://airflow:***@airflow-db:5432/airflow",
      "Performing upgrade to the metadata database postgresql://airflow:***@airflow-db:5432/airflow",
      airflowLine(
        ctx.airflowMajor,
        t + 500,
        "info",
        "alembic.runtime.migration",
        "migration.py:207",
        "Context impl PostgresqlImpl.",
      ),
      airflowLine(
        ctx.airflowMajor,
        t + 510,
        "info",
        "alembic.runtime.migration",
        "migration.py:210",
        "Will assume transactional DDL.",
      ),
      "Database migrating done!",
    ];
  }
  if (name === "git-sync-init")
    return [
      gitSyncLine(t, 0, "starting up", { version: "v4.4.0" }),
      gitSyncLine(t + 500, 0, "updated successfully", { ref: ctx.gitRef ?? "main", syncCount: 1 }),
    ];
  return undefined;
}

export function profileFor(ctx: LogContext): LogProfile {
  const n = ctx.container;
  if (n === "git-sync") return gitSync;
  if (n.endsWith("log-groomer")) return logGroomer;
  if (n === "scheduler") return scheduler;
  if (n === "api-server") return apiServer;
  if (n === "webserver") return webserver;
  if (n === "triggerer") return triggerer;
  if (n === "dag-processor") return dagProcessor;
  if (n === "worker") return worker;
  if (n === "pgbouncer" || n === "metrics-exporter") return pgbouncer;
  if (n === "statsd") return statsd;
  if (n === "redis") return redis;
  if (n === "postgresql") return postgres;
  if (n === "grafana" || ctx.image.includes("grafana")) return grafana;
  return generic;
}

// The names the demo renders for the official Airflow chart, per chart version (1.16–1.19) × naming mode (default,
// useStandardNaming, fullnameOverride) × Airflow 2/3. Every expected name cites the template line that computes
// it (charts/airflow/<version>/templates/<file>:<line>); the last test checks each cited line says so.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { KObject } from "../store/types";
import { Rng } from "../sim/random";
import { renderAirflow } from "./airflow-chart";
import type { RenderedObject } from "./chart-objects";

const SHARED = path.resolve(__dirname, "../../../shared/charts/airflow");
const REF = { release: "prod", namespace: "data", hrName: "prod", hrNamespace: "data" };
const VERSIONS = ["1.16.0", "1.17.0", "1.18.0", "1.19.0"] as const;
type Version = (typeof VERSIONS)[number];
const MODES = {
  default: { values: {}, full: "prod", sa: "prod-airflow" },
  useStandardNaming: { values: { useStandardNaming: true }, full: "prod-airflow", sa: "prod-airflow" },
  fullnameOverride: {
    values: { useStandardNaming: true, fullnameOverride: "warehouse" },
    full: "warehouse",
    sa: "warehouse",
  },
} as const;
type Mode = keyof typeof MODES;

/** A template line and the text it must contain. */
type Cite = [file: string, line: number, text: string];
interface Expected {
  kind: string;
  name: string;
  hook?: boolean;
  cite: Cite;
}

/** Line numbers that move between versions. */
const LINES: Record<
  Version,
  {
    fernet: number;
    jwt?: number;
    webserver: number;
    api?: number;
    broker: number;
    worker: number;
    helpers: Record<string, number>;
  }
> = {
  "1.16.0": {
    fernet: 28,
    webserver: 28,
    broker: 62,
    worker: 46,
    helpers: { sa: 607, config: 589, fernet: 395, redis: 403, brokerEnv: 123 },
  },
  "1.17.0": {
    fernet: 28,
    jwt: 29,
    webserver: 28,
    broker: 65,
    worker: 46,
    helpers: { sa: 629, config: 611, fernet: 402, jwt: 406, redis: 414, brokerEnv: 130 },
  },
  "1.18.0": {
    fernet: 29,
    jwt: 29,
    webserver: 27,
    api: 27,
    broker: 65,
    worker: 46,
    helpers: { sa: 640, config: 622, fernet: 409, jwt: 413, redis: 425, brokerEnv: 137 },
  },
  "1.19.0": {
    fernet: 29,
    jwt: 28,
    webserver: 27,
    api: 27,
    broker: 65,
    worker: 60,
    helpers: { sa: 658, config: 640, fernet: 415, jwt: 419, redis: 431, brokerEnv: 137 },
  },
};

function expected(
  v: Version,
  mode: Mode,
  airflow: 2 | 3,
): { objects: Expected[]; env: Record<string, [string, Cite]> } {
  const F = MODES[mode].full;
  const SA = MODES[mode].sa;
  const R = REF.release;
  const L = LINES[v];
  const v119 = v === "1.19.0";
  const legacy = v119 ? F : R; // fernet, JWT, redis Secrets named from the release up to 1.18
  const objects: Expected[] = [
    { kind: "ConfigMap", name: `${F}-config`, cite: ["configmaps/configmap.yaml", 26, 'template "airflow_config"'] },
    {
      kind: "Deployment",
      name: `${F}-scheduler`,
      cite: ["scheduler/scheduler-deployment.yaml", 53, '"airflow.fullname" . }}-scheduler'],
    },
    {
      kind: "ServiceAccount",
      name: `${SA}-scheduler`,
      cite: ["_helpers.yaml", L.helpers.sa, 'define "_serviceAccountName"'],
    },
    {
      kind: "StatefulSet",
      name: `${F}-worker`,
      cite: ["workers/worker-deployment.yaml", L.worker, '"airflow.fullname" . }}-worker'],
    },
    {
      kind: "StatefulSet",
      name: `${F}-triggerer`,
      cite: ["triggerer/triggerer-deployment.yaml", 42, '"airflow.fullname" . }}-triggerer'],
    },
    {
      kind: "Secret",
      name: `${F}-metadata`,
      cite: ["secrets/metadata-connection-secret.yaml", 36, '"airflow.fullname" . }}-metadata'],
    },
    {
      kind: "Secret",
      name: `${F}-pgbouncer-config`,
      cite: ["secrets/pgbouncer-config-secret.yaml", 27, 'template "pgbouncer_config_secret"'],
    },
    {
      kind: "Secret",
      name: `${F}-pgbouncer-stats`,
      cite: ["secrets/pgbouncer-stats-secret.yaml", 27, 'template "pgbouncer_stats_secret"'],
    },
    {
      kind: "Secret",
      name: `${legacy}-fernet-key`,
      hook: true,
      cite: [
        "secrets/fernetkey-secret.yaml",
        L.fernet,
        v119 ? '"airflow.fullname" . }}-fernet-key' : ".Release.Name }}-fernet-key",
      ],
    },
    {
      kind: "Secret",
      name: `${legacy}-redis-password`,
      hook: true,
      cite: [
        "secrets/redis-secrets.yaml",
        36,
        v119 ? '"airflow.fullname" . }}-redis-password' : ".Release.Name }}-redis-password",
      ],
    },
    {
      kind: "Secret",
      name: `${legacy}-broker-url`,
      hook: true,
      cite: [
        "secrets/redis-secrets.yaml",
        L.broker,
        v119 ? '"airflow.fullname" . }}-broker-url' : ".Release.Name }}-broker-url",
      ],
    },
    {
      kind: "Job",
      name: `${F}-run-airflow-migrations`,
      hook: true,
      cite: ["jobs/migrate-database-job.yaml", 34, "-run-airflow-migrations"],
    },
    { kind: "Job", name: `${F}-create-user`, hook: true, cite: ["jobs/create-user-job.yaml", 34, "-create-user"] },
    airflow === 3
      ? {
          kind: "Deployment",
          name: `${F}-api-server`,
          cite: ["api-server/api-server-deployment.yaml", 36, '"airflow.fullname" . }}-api-server'],
        }
      : {
          kind: "Deployment",
          name: `${F}-webserver`,
          cite: ["webserver/webserver-deployment.yaml", 36, '"airflow.fullname" . }}-webserver'],
        },
  ];
  const env: Record<string, [string, Cite]> = {
    AIRFLOW__CORE__FERNET_KEY: [
      `${legacy}-fernet-key`,
      ["_helpers.yaml", L.helpers.fernet, 'define "fernet_key_secret"'],
    ],
    AIRFLOW__DATABASE__SQL_ALCHEMY_CONN: [
      `${F}-metadata`,
      ["secrets/metadata-connection-secret.yaml", 36, "-metadata"],
    ],
    // The pods always look for `<release>-broker-url` (even in 1.19, which names the Secret from the fullname).
    AIRFLOW__CELERY__BROKER_URL: [
      `${R}-broker-url`,
      ["_helpers.yaml", L.helpers.brokerEnv, 'printf "%s-broker-url" .Release.Name'],
    ],
  };
  // Webserver secret key: every Airflow version in 1.16/1.17, Airflow 2 only from 1.18.
  if (airflow === 2 || v === "1.16.0" || v === "1.17.0") {
    objects.push({
      kind: "Secret",
      name: `${F}-webserver-secret-key`,
      cite: ["secrets/webserver-secret-key-secret.yaml", L.webserver, "-webserver-secret-key"],
    });
    env.AIRFLOW__WEBSERVER__SECRET_KEY = [
      `${F}-webserver-secret-key`,
      ["secrets/webserver-secret-key-secret.yaml", L.webserver, "-webserver-secret-key"],
    ];
  }
  if (airflow === 3 && L.jwt && L.helpers.jwt) {
    // 1.17 renders `<fullname>-jwt-secret` but its pods read `<release>-jwt-secret` (fixed in 1.18).
    const rendered = v === "1.17.0" ? F : legacy;
    const file: Cite = [
      "secrets/jwt-secret.yaml",
      L.jwt,
      v === "1.17.0" ? '"airflow.fullname" . }}-jwt-secret' : 'include "jwt_secret"',
    ];
    objects.push({ kind: "Secret", name: `${rendered}-jwt-secret`, cite: file });
    env.AIRFLOW__API_AUTH__JWT_SECRET = [
      `${legacy}-jwt-secret`,
      ["_helpers.yaml", L.helpers.jwt, 'define "jwt_secret"'],
    ];
  }
  if (airflow === 3 && L.api) {
    objects.push({
      kind: "Secret",
      name: `${F}-api-secret-key`,
      cite: ["secrets/api-secret-key-secret.yaml", L.api, '"airflow.fullname" . }}-api-secret-key'],
    });
    env.AIRFLOW__API__SECRET_KEY = [
      `${F}-api-secret-key`,
      ["secrets/api-secret-key-secret.yaml", L.api, "-api-secret-key"],
    ];
  }
  return { objects, env };
}

function render(v: Version, mode: Mode, airflow: 2 | 3) {
  const version = airflow === 3 ? "3.0.2" : "2.10.5";
  const values = {
    ...MODES[mode].values,
    airflowVersion: version,
    defaultAirflowTag: version,
    executor: "CeleryExecutor",
    pgbouncer: { enabled: true },
  };
  const appVersion = { "1.16.0": "2.10.5", "1.17.0": "3.0.2", "1.18.0": "3.0.2", "1.19.0": "3.1.7" }[v];
  return renderAirflow(REF, { name: "airflow", version: v, appVersion }, values, {
    rng: new Rng("names"),
    existing: () => undefined,
  });
}

const CASES = VERSIONS.flatMap((v) =>
  (Object.keys(MODES) as Mode[]).flatMap((m) => ([2, 3] as const).map((a) => [v, m, a] as const)),
);

const find = (objs: RenderedObject[], kind: string, name: string) =>
  objs.find((o) => o.object.kind === kind && o.object.metadata.name === name);

function envRef(o: KObject | undefined, name: string): string | undefined {
  const containers = (o?.spec?.template?.spec?.containers ?? []) as {
    env?: { name: string; valueFrom?: { secretKeyRef?: { name: string } } }[];
  }[];
  return containers[0]?.env?.find((e) => e.name === name)?.valueFrom?.secretKeyRef?.name;
}

describe("Airflow chart names per version, naming mode and Airflow major", () => {
  it.each(CASES)("chart %s, %s naming, Airflow %s", (v, mode, airflow) => {
    const r = render(v, mode, airflow);
    const want = expected(v, mode, airflow);
    for (const e of want.objects) {
      const where = `${e.kind} ${e.name} (${e.cite[0]}:${e.cite[1]})`;
      expect(find(e.hook ? r.hooks : r.manifests, e.kind, e.name), where).toBeDefined();
      expect(find(e.hook ? r.manifests : r.hooks, e.kind, e.name), `${where} on the other side`).toBeUndefined();
    }
    const scheduler = find(r.manifests, "Deployment", `${MODES[mode].full}-scheduler`)?.object;
    for (const [env, [secret, cite]] of Object.entries(want.env))
      expect(envRef(scheduler, env), `${env} (${cite[0]}:${cite[1]})`).toBe(secret);
    const absent = [
      "AIRFLOW__WEBSERVER__SECRET_KEY",
      "AIRFLOW__API_AUTH__JWT_SECRET",
      "AIRFLOW__API__SECRET_KEY",
    ].filter((e) => !(e in want.env));
    for (const env of absent) expect(envRef(scheduler, env), env).toBeUndefined();
    // Every Secret the chart renders is expected (none more): per-version Secret sets are exact.
    const secrets = [...r.manifests, ...r.hooks].filter(
      (o) => o.object.kind === "Secret" && !o.source.includes("/charts/"),
    );
    expect(secrets.map((o) => o.object.metadata.name).sort()).toEqual(
      want.objects
        .filter((e) => e.kind === "Secret")
        .map((e) => e.name)
        .sort(),
    );
  });

  it("fullnameOverride without useStandardNaming changes only the ServiceAccounts (_helpers.yaml:25-51)", () => {
    const r = renderAirflow(
      REF,
      { name: "airflow", version: "1.18.0", appVersion: "3.0.2" },
      { fullnameOverride: "warehouse" },
      {
        rng: new Rng("x"),
        existing: () => undefined,
      },
    );
    expect(find(r.manifests, "Deployment", "prod-scheduler")).toBeDefined();
    expect(find(r.manifests, "ServiceAccount", "warehouse-scheduler")).toBeDefined();
  });

  it("truncates like the chart: 63 characters, one trailing dash trimmed; a release containing the name keeps it", () => {
    const long = `${"x".repeat(55)}-airflow-`; // release contains "airflow": used as is, trunc 63, trimSuffix "-"
    const r = renderAirflow(
      { ...REF, release: long },
      { name: "airflow", version: "1.19.0", appVersion: "3.1.7" },
      { useStandardNaming: true },
      {
        rng: new Rng("x"),
        existing: () => undefined,
      },
    );
    expect(find(r.manifests, "ConfigMap", `${long.slice(0, 63).replace(/-$/, "")}-config`)).toBeDefined();
  });

  it("each cited template line says what the test claims", () => {
    if (!fs.existsSync(SHARED)) throw new Error(`${SHARED} is missing: citations are checked against the real chart`);
    const cites = new Set<string>();
    for (const [v, m, a] of CASES) {
      const want = expected(v, m, a);
      for (const e of want.objects) cites.add(JSON.stringify([v, ...e.cite]));
      for (const [, cite] of Object.values(want.env)) cites.add(JSON.stringify([v, ...cite]));
    }
    for (const c of cites) {
      const [v, file, line, text] = JSON.parse(c) as [string, string, number, string];
      const lines = fs.readFileSync(path.join(SHARED, v, "templates", file), "utf8").split("\n");
      expect(lines[line - 1], `${v}/templates/${file}:${line}`).toContain(text);
    }
  });
});

// Issue 19 facts about objects: StatsD target (5), PgBouncer bypass (6), the Bitnami PostgreSQL StatefulSet (7),
// official vs community chart (9) and ExternalSecrets that do not create their Secret (13).
import { describe, expect, it } from "vitest";
import type { KubeObject } from "../kinds/object";
import { isBundledPostgres } from "./bundled-postgres";
import { chartSupport } from "./chart-support";
import { item, scenario } from "./fixtures/mutate";
import { statsdServiceRef } from "./statsd-target";

const AF3 = "airflow3-production.yaml";
const AF2 = "airflow2-gaps.yaml";
const text = (i: { message: string; evidence: { text: string }[] }) =>
  `${i.message}\n${i.evidence.map((e) => e.text).join("\n")}`;

function service(name: string, namespace: string, ports: number[]): KubeObject {
  return {
    apiVersion: "v1",
    kind: "Service",
    metadata: { name, namespace },
    spec: { type: "ClusterIP", ports: ports.map((port) => ({ name: `p${port}`, protocol: "UDP", port })) },
  };
}

describe("StatsD metrics must reach an exporter (fact 5)", () => {
  // charts/airflow/1.18.0/values.yaml L2849-2852: config.metrics statsd_port 9125, statsd_host `<fullname>-statsd`;
  // templates/statsd/statsd-service.yaml L27 name `<fullname>-statsd`, L52 UDP port `ports.statsdIngest` (9125).
  type Case = [name: string, metrics: Record<string, unknown>, extra: KubeObject[], status: string, words: string];
  const cases: Case[] = [
    ["the chart default", {}, [], "pass", "via StatsD to airflow-statsd:9125"],
    [
      "values.yaml's templated default copied into values",
      { statsd_host: '{{ printf "%s-statsd" (include "airflow.fullname" .) }}' },
      [],
      "pass",
      "(templated, rendered by the chart)",
    ],
    ["localhost with the chart's StatsD on", { statsd_host: "localhost" }, [], "fail", "metrics go nowhere"],
    ["the chart's Service on the wrong port", { statsd_port: 8125 }, [], "fail", "ingests on 9125/UDP"],
    [
      "an exporter Service that does not exist",
      { statsd_host: "statsd-exporter.monitoring" },
      [],
      "warn",
      "no Service monitoring/statsd-exporter",
    ],
    [
      "an existing exporter Service",
      { statsd_host: "statsd-exporter.monitoring.svc.cluster.local" },
      [service("statsd-exporter", "monitoring", [9125, 9102])],
      "pass",
      "Service monitoring/statsd-exporter:9125",
    ],
    [
      "an exporter Service without the port",
      { statsd_host: "statsd-exporter.monitoring" },
      [service("statsd-exporter", "monitoring", [9102])],
      "fail",
      "does not expose port 9125",
    ],
  ];

  it.each(cases)("%s → %s", (_n, metrics, extra, status, words) => {
    const s = scenario(AF3);
    s.set("HelmRelease", undefined, "spec.values.config", { metrics });
    for (const o of extra) s.add(o);
    const i = item(s.evaluate(), "monitoring.metrics-enabled");
    expect(i.status, text(i)).toBe(status);
    expect(text(i)).toContain(words);
  });

  it("the chart's StatsD disabled while statsd_on stays True sends to a Service that does not exist", () => {
    const s = scenario(AF3);
    s.set("HelmRelease", undefined, "spec.values.statsd", { enabled: false });
    const i = item(s.evaluate(), "monitoring.metrics-enabled");
    expect(i.status).toBe("fail");
    expect(i.message).toContain("`statsd.enabled` is false");
  });

  it("names the exporter Service the server must add to the snapshot", () => {
    const s = scenario(AF3);
    expect(statsdServiceRef(s.snapshot())).toBeUndefined();
    s.set("HelmRelease", undefined, "spec.values.config", { metrics: { statsd_host: "statsd-exporter.monitoring" } });
    expect(statsdServiceRef(s.snapshot())).toEqual({ name: "statsd-exporter", namespace: "monitoring" });
  });
});

describe("PgBouncer enabled but bypassed (fact 6)", () => {
  // templates/secrets/metadata-connection-secret.yaml L23-31 (1.18.0): only the chart-rendered metadata Secret points
  // at `<fullname>-pgbouncer.<ns>:6543/<release>-metadata`; a `data.metadataSecretName` Secret is used as is.
  it.each([
    [
      "postgresql://airflow:s3cr3t-canary@db.prod.example.com:5432/airflow?sslmode=require",
      "warn",
      "goes straight to db.prod.example.com:5432",
    ],
    [
      "postgresql://airflow:s3cr3t-canary@airflow-pgbouncer.airflow:6543/airflow-metadata?sslmode=require",
      "pass",
      "goes through PgBouncer",
    ],
    [
      "postgresql://airflow:s3cr3t-canary@airflow-pgbouncer.airflow.svc.cluster.local:5432/airflow",
      "warn",
      "not airflow-pgbouncer:6543",
    ],
  ])("%s → %s", (url, status, words) => {
    const s = scenario(AF3);
    s.set("Secret", "airflow-metadata", "data.connection", Buffer.from(url).toString("base64"));
    const result = s.evaluate();
    const i = item(result, "pgbouncer.enabled");
    expect(i.status).toBe(status);
    expect(text(i)).toContain(words);
    expect(JSON.stringify(result)).not.toContain("s3cr3t-canary");
  });

  it("with the chart's own metadata Secret PgBouncer is in the path", () => {
    const s = scenario(AF3);
    s.set("HelmRelease", undefined, "spec.values.data", { metadataSecretName: null });
    const i = item(s.evaluate(), "pgbouncer.enabled");
    expect(i.status).toBe("pass");
    expect(text(i)).toContain("with host airflow-pgbouncer.airflow:6543");
  });
});

describe("the bundled Bitnami PostgreSQL StatefulSet (fact 7)", () => {
  // bitnami/postgresql 13.2.24 templates/primary/statefulset.yaml: name `<release>-postgresql`, labels from
  // `common.labels.standard` (app.kubernetes.io/name, app.kubernetes.io/instance) — no `tier` label.
  const bitnami = (instance: string): KubeObject => ({
    apiVersion: "apps/v1",
    kind: "StatefulSet",
    metadata: {
      name: `${instance}-postgresql`,
      namespace: "airflow",
      labels: {
        "app.kubernetes.io/component": "primary",
        "app.kubernetes.io/instance": instance,
        "app.kubernetes.io/managed-by": "Helm",
        "app.kubernetes.io/name": "postgresql",
        "helm.sh/chart": "postgresql-13.2.24",
      },
    },
    spec: { replicas: 1, serviceName: `${instance}-postgresql-hl` },
    status: { replicas: 1, readyReplicas: 1 },
  });

  it.each([
    [bitnami("airflow"), true],
    [bitnami("other"), false],
  ])("isBundledPostgres(%#)", (obj, want) => {
    expect(isBundledPostgres(obj, "airflow")).toBe(want);
  });

  it("sees the StatefulSet although values say disabled", () => {
    const s = scenario(AF2).add(bitnami("airflow"));
    expect(s.snapshot().databaseWorkloads?.map((w) => w.metadata.name)).toEqual(["airflow-postgresql"]);
    const i = item(s.evaluate(), "db.external-postgres");
    expect(i.status).toBe("fail");
    expect(text(i)).toContain(
      "StatefulSet airflow-postgresql (Bitnami postgresql, app.kubernetes.io/instance=airflow) runs",
    );
  });

  it("another release's database is not this release's", () => {
    expect(item(scenario(AF2).add(bitnami("other")).evaluate(), "db.external-postgres").status).toBe("pass");
  });

  it("the Helm record listing the StatefulSet is evidence too", () => {
    const s = scenario(AF3);
    s.helm?.objects?.push({ kind: "StatefulSet", name: "airflow-postgresql", namespace: "airflow" });
    const i = item(s.evaluate(), "db.external-postgres");
    expect(i.status).toBe("fail");
    expect(text(i)).toContain("The Helm release record lists StatefulSet airflow-postgresql");
  });
});

describe("official vs community chart (fact 9)", () => {
  it("the official chart is supported", () => {
    const support = chartSupport(scenario(AF2).snapshot());
    expect(support).toMatchObject({ supported: true, flavour: "official" });
  });

  it("the community chart (airflow-helm/charts, also named airflow) is unsupported", () => {
    const s = scenario(AF2);
    s.set("HelmRepository", "apache-airflow", "spec.url", "https://airflow-helm.github.io/charts");
    s.set("HelmRelease", undefined, "spec.chart.spec.version", "8.9.0");
    s.set("HelmRelease", undefined, "status.history[0].chartVersion", "8.9.0");
    const support = chartSupport(s.snapshot());
    expect(support.supported).toBe(false);
    expect(support.flavour).toBe("community");
    expect(support.message).toContain(
      "Unsupported chart: chart airflow 8.9.0 from https://airflow-helm.github.io/charts",
    );
  });

  it("the Helm record's chart metadata decides when present", () => {
    const s = scenario(AF3);
    if (s.helm) s.helm.chartFlavour = "community";
    expect(chartSupport(s.snapshot()).supported).toBe(false);
  });
});

describe("an ExternalSecret whose target Secret does not exist is not green (fact 13)", () => {
  // ESO externalsecret_controller.go `markAsDone`: creationPolicy Merge + absent target → Ready=True, reason
  // SecretMissing, message "secret will not be created due to CreationPolicy=Merge" (DOMAIN.md §7.5).
  const mergeMissing = (s: ReturnType<typeof scenario>) =>
    s
      .set("ExternalSecret", "airflow-jwt-secret", "spec.target.creationPolicy", "Merge")
      .set("ExternalSecret", "airflow-jwt-secret", "status.conditions", [
        {
          type: "Ready",
          status: "True",
          reason: "SecretMissing",
          message: "secret will not be created due to CreationPolicy=Merge",
        },
      ]);

  it("fails the ESO item and the item reading the Secret", () => {
    const s = mergeMissing(scenario(AF3)).drop("Secret", "airflow-jwt-secret");
    const result = s.evaluate();
    const eso = item(result, "secrets.eso-synced");
    expect(eso.status).toBe("fail");
    expect(eso.message).toContain("its target Secret airflow-jwt-secret does not exist and ESO will not create it");
    const jwt = item(result, "secrets.jwt-secret");
    expect(jwt.status).toBe("fail");
    expect(jwt.message).toContain("every pod reading airflow-jwt-secret fails");
  });

  it("once the Secret exists the merge happens at the next refresh", () => {
    const i = item(mergeMissing(scenario(AF3)).evaluate(), "secrets.eso-synced");
    expect(i.status).toBe("pass");
    expect(text(i)).toContain("merges into it at its next refresh");
  });
});

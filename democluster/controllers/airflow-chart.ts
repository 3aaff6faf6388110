// The official Apache Airflow chart (1.16–1.19) as the demo renders it: the coalesced values (values.yaml + the
// user's) through the same decisions the templates make — names (airflow-names.ts), Secrets and hooks
// (airflow-secrets.ts), components (airflow-workloads.ts), StatsD/PgBouncer/Redis (airflow-backends.ts), Jobs and
// the bundled Bitnami PostgreSQL (airflow-jobs.ts) and the `<fullname>-config` ConfigMap (airflow-config.ts).
import type { KObject } from "../store/types";
import { getPath, type JsonMap } from "../sim/objects";
import { airflowSettings, chartLabels, serviceAccount, type AirflowSettings } from "./airflow-settings";
import { airflowCfg, airflowLocalSettings, tpl } from "./airflow-config";
import { renderAirflowSecrets } from "./airflow-secrets";
import { renderComponents, type Checksums } from "./airflow-workloads";
import { renderAirflowBackends } from "./airflow-backends";
import { renderAirflowJobs, renderBundledPostgresql } from "./airflow-jobs";
import { airflowDefaultValues } from "./airflow-chart-files";
import { coalesceValues } from "./helm-coalesce";
import { truthy } from "./airflow-names";
import type { ChartVersion } from "./chart-catalog";
import {
  meta,
  splitHooks,
  type ReleaseRef,
  type Rendered,
  type RenderedObject,
  type SecretValueSource,
} from "./chart-objects";
import { parse as parseYaml, stringify as yamlStringify } from "yaml";

/** The values the templates see: the chart's values.yaml coalesced with the user-supplied values. */
export function airflowValues(chart: ChartVersion, user: JsonMap): JsonMap {
  return coalesceValues(airflowDefaultValues(chart.version), user);
}

export function renderAirflow(ref: ReleaseRef, chart: ChartVersion, user: JsonMap, gen: SecretValueSource): Rendered {
  const s = airflowSettings(ref.release, ref.namespace, chart, airflowValues(chart, user));
  const objects: RenderedObject[] = [];
  const secrets = renderAirflowSecrets(s, ref, gen);
  const config = configMap(s, ref);
  objects.push(...secrets, { source: "airflow/templates/configmaps/configmap.yaml", object: config });
  const find = (file: string) => secrets.find((o) => o.source.endsWith(file))?.object;
  const extra = (file: string): KObject | undefined => {
    const all = secrets.filter((o) => o.source.endsWith(file)).map((o) => o.object);
    return all.length ? ({ items: all } as unknown as KObject) : undefined;
  };
  const sums: Checksums = {
    "metadata-secret": find("metadata-connection-secret.yaml"),
    "result-backend-secret": find("result-backend-connection-secret.yaml"),
    "pgbouncer-config-secret": find("pgbouncer-config-secret.yaml"),
    "airflow-config": config,
    "extra-configmaps": extra("extra-configmaps.yaml"),
    "extra-secrets": extra("extra-secrets.yaml"),
    "jwt-secret": find("jwt-secret.yaml"),
    "webserver-secret-key": find("webserver-secret-key-secret.yaml"),
    "webserver-config": undefined,
    "kerberos-keytab": undefined,
  };
  objects.push(...renderComponents(s, ref, sums));
  objects.push(...renderAirflowBackends(s, ref, sums["pgbouncer-config-secret"]));
  objects.push(...renderAirflowJobs(s, ref));
  objects.push(...renderBundledPostgresql(s, ref));
  return splitHooks(objects);
}

function configMap(s: AirflowSettings, ref: ReleaseRef): KObject {
  const data: Record<string, string> = { "airflow.cfg": airflowCfg(s) };
  const local = airflowLocalSettings(s);
  if (local !== undefined) data["airflow_local_settings.py"] = local;
  const knownHosts = getPath(s.values, "dags.gitSync.knownHosts");
  if (s.gitSync && truthy(knownHosts)) data.known_hosts = String(knownHosts);
  if (s.kubernetes) data["pod_template_file.yaml"] = podTemplateFile(s);
  const annotations = (s.values.airflowConfigAnnotations ?? {}) as Record<string, string>;
  return {
    apiVersion: "v1",
    kind: "ConfigMap",
    metadata: meta(ref, `${s.fullname}-config`, chartLabels(s, "config"), annotations),
    data,
  };
}

/** pod_template_file.yaml (files/pod-template-file.kubernetes-helm-yaml, or `podTemplate`): the task pod. */
function podTemplateFile(s: AirflowSettings): string {
  const custom = getPath(s.values, "podTemplate");
  if (typeof custom === "string" && custom) return tpl(s, custom);
  const pod = {
    apiVersion: "v1",
    kind: "Pod",
    metadata: { name: "placeholder-name", labels: { tier: "airflow", component: "worker", release: s.release } },
    spec: {
      containers: [{ name: "base", image: s.image, imagePullPolicy: "IfNotPresent" }],
      restartPolicy: "Never",
      serviceAccountName: serviceAccount(s, "worker"),
      volumes: [{ name: "config", configMap: { name: `${s.fullname}-config` } }],
    },
  };
  return yamlStringify(parseYaml(JSON.stringify(pod)));
}

// The evaluation context: judged values with provenance (Helm's record when readable, else the HelmRelease), the
// chart line and the names the chart gives its objects, Airflow major, and lookups over the snapshot. Built once.

import type { KubeObject } from "../kinds/object";
import { chartDefaults } from "./chart-defaults";
import { chartLine, chartNames, secretKeysHonoured, type ChartLine, type ChartNames } from "./chart-facts";
import { judgeValues, type PendingValue } from "./deployed-values";
import { chartVersionOf, helmReleaseName, workloadNamespace } from "./discovery";
import { hasRecord, helmObjects, recordListsObjects, type HelmDeployedFacts, type HelmObject } from "./helm-facts";
import { label, matchLabels } from "./kube-readers";
import type { ChecklistSnapshot, SecretFacts } from "./snapshot";
import { airflowMajor, getPath, type Values, type ValuesLayer } from "./values";

/** Airflow component label values used by the chart (`component=<…>`). */
export type Component =
  | "scheduler"
  | "webserver"
  | "api-server"
  | "triggerer"
  | "dag-processor"
  | "worker"
  | "pgbouncer"
  | "statsd"
  | "redis";

/** Options for one evaluation. */
export interface EvalOptions {
  /** Restarts after this time count as "recent" (default: one hour before `now`). */
  since?: string;
}

/** Which of the version-dependent secret keys the release's chart version reads (per Airflow version). */
export interface SecretKeysHonoured {
  webserverSecretKey: boolean;
  apiSecretKey: boolean;
  jwtSecret: boolean;
}

/** Everything a check needs besides the snapshot. */
export interface EvalContext {
  now: string;
  since: string;
  releaseName: string;
  namespace: string;
  /** The deployed chart version (Helm record), else the HelmRelease's. */
  chartVersion?: string;
  /** The chart line whose rules apply (1.16–1.19). */
  line: ChartLine;
  /** The Airflow version the chart renders for (`airflowVersion`, default per chart line). */
  airflowVersion: string;
  major: 2 | 3;
  /** Which secret keys this chart version reads for this Airflow version. */
  secretKeys: SecretKeysHonoured;
  /** Names the chart gives its objects for this release (chart templates per version). */
  names: ChartNames;
  /** Defaults ⊕ judged user values. */
  values: Values;
  /** Judged user values (the deployed config with a Helm record, else the HelmRelease's). */
  user: Values;
  /** The HelmRelease's composed user values (what Git asks for; equal to `user` without a record). */
  asked: Values;
  /** The HelmRelease's layers (provenance; inline-secret findings look at what Git holds). */
  layers: ValuesLayer[];
  valuesProblems: string[];
  valuesNotes: string[];
  /** Where the judged values come from. */
  judgedFrom: "helm-record" | "helmrelease";
  /** One sentence for evidence: record read, or "no Helm release record readable: judged from …". */
  valuesSource: string;
  /** Values the HelmRelease asks for that Helm has not applied (empty without a record). */
  pending: PendingValue[];
  helm?: HelmDeployedFacts;
  /** Effective value at a dotted path. */
  get(path: string): unknown;
  /** Where the effective value at `path` came from ("chart default", "spec.values", "ConfigMap/x", pending …). */
  origin(path: string): string;
  secret(name: string): SecretFacts | undefined;
  workloads(component: Component): KubeObject[];
  pods(component?: Component): KubeObject[];
  pdbs(component: Component): KubeObject[];
  /** The record's objects of a kind (empty without a record). */
  deployed(kind: string): HelmObject[];
  /** The chart's airflow config ConfigMap (`<fullname>-config`). */
  airflowConfig?: KubeObject;
}

function forRelease(objs: KubeObject[], release: string): KubeObject[] {
  return objs.filter((o) => {
    const r = label(o, "release");
    return r === undefined || r === release;
  });
}

function versionString(v: unknown): string | undefined {
  return typeof v === "string" && v.trim() ? v.trim() : typeof v === "number" ? String(v) : undefined;
}

/** The chart's config ConfigMap: by name (record first), else by the chart's labels (component=config). */
function airflowConfigMap(snapshot: ChecklistSnapshot, names: ChartNames, release: string): KubeObject | undefined {
  const fromRecord = recordListsObjects(snapshot.helm)
    ? helmObjects(snapshot.helm, "ConfigMap").find((o) => o.name === names.configMap)?.name
    : undefined;
  const wanted = fromRecord ?? names.configMap;
  return (
    snapshot.configMaps.find((c) => c.metadata.name === wanted) ??
    snapshot.configMaps.find((c) => label(c, "component") === "config" && label(c, "release") === release)
  );
}

/** Build the context for a snapshot. */
export function buildContext(snapshot: ChecklistSnapshot, options: EvalOptions = {}): EvalContext {
  const { release, helm } = snapshot;
  const releaseName = helmReleaseName(release);
  const namespace = workloadNamespace(release);
  const chartVersion = (hasRecord(helm) ? helm.chartVersion : undefined) ?? chartVersionOf(release);
  const line = chartLine(chartVersion);
  const judged = judgeValues(release, snapshot.valuesFromSources, chartDefaults(chartVersion), helm);
  const values = judged.values;
  // lib/airflow-chart applies the line's defaults itself: it gets the user values (Helm's `config`).
  const names = chartNames({ release: releaseName, namespace, chartVersion, values: judged.user });
  const airflowVersion = versionString(names.airflowVersion) ?? versionString(values.airflowVersion) ?? "2.0.0";
  const pods = forRelease(snapshot.pods, releaseName);
  const workloads = forRelease(snapshot.workloads, releaseName);
  const pdbs = forRelease(snapshot.pdbs, releaseName);
  const since = options.since ?? new Date(Date.parse(snapshot.now) - 3_600_000).toISOString();
  return {
    now: snapshot.now,
    since,
    releaseName,
    namespace,
    chartVersion,
    line,
    airflowVersion,
    major: airflowMajor(values, release),
    secretKeys: secretKeysHonoured(line, airflowVersion, judged.user),
    names,
    values,
    user: judged.user,
    asked: judged.asked,
    layers: judged.layers,
    valuesProblems: judged.problems,
    valuesNotes: judged.notes,
    judgedFrom: judged.judgedFrom,
    valuesSource: judged.sourceText,
    pending: judged.pending,
    helm,
    get: (path) => getPath(values, path),
    origin: judged.origin,
    secret: (name) => snapshot.secrets.find((s) => s.name === name),
    workloads: (c) => workloads.filter((w) => label(w, "component") === c),
    pods: (c) => (c ? pods.filter((p) => label(p, "component") === c) : pods),
    pdbs: (c) => pdbs.filter((p) => (matchLabels(p).component ?? label(p, "component")) === c),
    deployed: (kind) => (hasRecord(helm) ? helmObjects(helm, kind) : []),
    airflowConfig: airflowConfigMap(snapshot, names, releaseName),
  };
}

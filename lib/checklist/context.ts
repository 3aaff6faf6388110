// The evaluation context: values with provenance, Airflow major, and lookups over the snapshot, built once per run.

import type { KubeObject } from "../kinds/object";
import { chartDefaults } from "./chart-defaults";
import { chartVersionOf, helmReleaseName, workloadNamespace } from "./discovery";
import { label, matchLabels } from "./kube-readers";
import type { ChecklistSnapshot, SecretFacts } from "./snapshot";
import { airflowMajor, composeValues, getPath, originOf, type Values, type ValuesLayer } from "./values";

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

/** Everything a check needs besides the snapshot. */
export interface EvalContext {
  now: string;
  since: string;
  releaseName: string;
  namespace: string;
  chartVersion?: string;
  major: 2 | 3;
  /** Defaults ⊕ user values. */
  values: Values;
  /** User-supplied values only. */
  user: Values;
  layers: ValuesLayer[];
  valuesProblems: string[];
  valuesNotes: string[];
  /** Effective value at a dotted path. */
  get(path: string): unknown;
  /** Where the effective value at `path` came from ("chart default", "spec.values", "ConfigMap/x" …). */
  origin(path: string): string;
  secret(name: string): SecretFacts | undefined;
  workloads(component: Component): KubeObject[];
  pods(component?: Component): KubeObject[];
  pdbs(component: Component): KubeObject[];
  /** The `<release>-airflow-config` ConfigMap. */
  airflowConfig?: KubeObject;
}

function forRelease(objs: KubeObject[], release: string): KubeObject[] {
  return objs.filter((o) => {
    const r = label(o, "release");
    return r === undefined || r === release;
  });
}

/** Build the context for a snapshot. */
export function buildContext(snapshot: ChecklistSnapshot, options: EvalOptions = {}): EvalContext {
  const { release } = snapshot;
  const releaseName = helmReleaseName(release);
  const chartVersion = chartVersionOf(release);
  const composed = composeValues(release, snapshot.valuesFromSources, chartDefaults(chartVersion));
  const pods = forRelease(snapshot.pods, releaseName);
  const workloads = forRelease(snapshot.workloads, releaseName);
  const pdbs = forRelease(snapshot.pdbs, releaseName);
  const since = options.since ?? new Date(Date.parse(snapshot.now) - 3_600_000).toISOString();
  return {
    now: snapshot.now,
    since,
    releaseName,
    namespace: workloadNamespace(release),
    chartVersion,
    major: airflowMajor(composed.values, release),
    values: composed.values,
    user: composed.user,
    layers: composed.layers,
    valuesProblems: composed.problems,
    valuesNotes: composed.notes,
    get: (path) => getPath(composed.values, path),
    origin: (path) => originOf(composed.layers, path) ?? "unset",
    secret: (name) => snapshot.secrets.find((s) => s.name === name),
    workloads: (c) => workloads.filter((w) => label(w, "component") === c),
    pods: (c) => (c ? pods.filter((p) => label(p, "component") === c) : pods),
    pdbs: (c) => pdbs.filter((p) => (matchLabels(p).component ?? label(p, "component")) === c),
    airflowConfig: snapshot.configMaps.find((c) => c.metadata.name === `${releaseName}-airflow-config`),
  };
}

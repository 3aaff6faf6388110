// HelmRelease values: valuesFrom (ConfigMap/Secret keys, in order, optional targetPath) then spec.values, the
// configDigest over the composed user values, and a chart-schema-like validation for the airflow chart.
import { parse as parseYaml } from "yaml";
import type { KObject } from "../store/types";
import type { SimContext } from "../sim/context";
import { R } from "../sim/resources";
import { asBool, asMap, asMaps, asString, deepMerge, isMap, specOf, unbase64, type JsonMap } from "../sim/objects";

export type ComposeResult = { ok: true; values: JsonMap } | { ok: false; message: string };

export function composeValues(ctx: SimContext, hr: KObject): ComposeResult {
  const ns = hr.metadata.namespace ?? "";
  let values: JsonMap = {};
  for (const ref of asMaps(specOf(hr).valuesFrom)) {
    const kind = asString(ref.kind) ?? "ConfigMap";
    const name = asString(ref.name) ?? "";
    const valuesKey = asString(ref.valuesKey) ?? "values.yaml";
    const optional = asBool(ref.optional) === true;
    const obj = ctx.store.get(kind === "Secret" ? R.secrets : R.configmaps, ns, name);
    const raw = obj ? readKey(obj, kind, valuesKey) : undefined;
    if (raw === undefined) {
      if (optional) continue;
      const what = obj ? `with key '${valuesKey}'` : `'${ns}/${name}'`;
      return {
        ok: false,
        message: `could not resolve ${kind} chart values reference ${obj ? `'${ns}/${name}' ${what}` : what}`,
      };
    }
    const target = asString(ref.targetPath);
    if (target) {
      setPath(values, target, raw);
      continue;
    }
    let parsed: unknown;
    try {
      parsed = parseYaml(raw);
    } catch (err) {
      return {
        ok: false,
        message: `unable to read values from key '${valuesKey}' in ${kind} '${ns}/${name}': ${(err as Error).message}`,
      };
    }
    if (parsed !== null && parsed !== undefined && !isMap(parsed)) {
      return {
        ok: false,
        message: `unable to read values from key '${valuesKey}' in ${kind} '${ns}/${name}': not a map`,
      };
    }
    values = deepMerge(values, parsed ?? {}) as JsonMap;
  }
  const inline = asMap(specOf(hr).values);
  if (inline) values = deepMerge(values, inline) as JsonMap;
  return { ok: true, values };
}

function readKey(obj: KObject, kind: string, key: string): string | undefined {
  if (kind === "Secret") {
    const data = asMap(obj.data);
    const v = asString(data?.[key]);
    return v === undefined ? asString(asMap(obj.stringData)?.[key]) : unbase64(v);
  }
  return asString(asMap(obj.data)?.[key]);
}

function setPath(target: JsonMap, path: string, value: string): void {
  const parts = path.split(".");
  let cur = target;
  for (const p of parts.slice(0, -1)) {
    if (!isMap(cur[p])) cur[p] = {};
    cur = cur[p] as JsonMap;
  }
  cur[parts[parts.length - 1]] = value;
}

// --- airflow chart schema (the parts users get wrong) -------------------------------------------------------

const AIRFLOW_TOP_LEVEL = new Set(
  (
    "fullnameOverride nameOverride useStandardNaming revisionHistoryLimit uid gid securityContext securityContexts containerLifecycleHooks " +
    "airflowHome defaultAirflowRepository defaultAirflowTag defaultAirflowDigest airflowVersion images nodeSelector affinity tolerations " +
    "topologySpreadConstraints schedulerName labels ingress networkPolicies airflowPodAnnotations airflowConfigAnnotations airflowLocalSettings " +
    "rbac executor allowPodLaunching allowJobLaunching env volumes volumeMounts secret enableBuiltInSecretEnvVars priorityClasses extraSecrets " +
    "extraConfigMaps extraEnv extraEnvFrom data fernetKey fernetKeySecretName jwtSecret jwtSecretName jwtSecretAnnotations apiSecretKey " +
    "apiSecretKeySecretName apiSecretAnnotations webserverSecretKey webserverSecretKeySecretName webserverSecretAnnotations kerberos workers " +
    "scheduler createUserJob migrateDatabaseJob apiServer webserver triggerer dagProcessor flower statsd pgbouncer redis registry elasticsearch " +
    "opensearch ports quotas limits cleanup databaseCleanup postgresql config podTemplate dags logs multiNamespaceMode kubeVersionOverride " +
    "apiServerConfig webserverConfig dagProcessorConfig extraObjects _airflowVersionOverride"
  ).split(" "),
);
const DATA_KEYS = new Set([
  "metadataSecretName",
  "resultBackendSecretName",
  "brokerUrlSecretName",
  "metadataConnection",
  "resultBackendConnection",
  "brokerUrl",
]);
const CONNECTION_KEYS = new Set(["user", "pass", "protocol", "host", "port", "db", "sslmode"]);
const EXECUTORS = new Set([
  "LocalExecutor",
  "LocalKubernetesExecutor",
  "CeleryExecutor",
  "KubernetesExecutor",
  "CeleryKubernetesExecutor",
  "EdgeExecutor",
]);
const REPLICA_KEYS = [
  "scheduler",
  "apiServer",
  "webserver",
  "triggerer",
  "dagProcessor",
  "workers",
  "pgbouncer",
  "flower",
];

/** Returns the Helm error text when values do not match the chart schema. */
export function validateValues(chartName: string, values: JsonMap): string | undefined {
  if (chartName !== "airflow") return undefined;
  const errors: string[] = [];
  for (const k of Object.keys(values))
    if (!AIRFLOW_TOP_LEVEL.has(k)) errors.push(`- (root): Additional property ${k} is not allowed`);
  const data = values.data;
  if (data !== undefined && data !== null) {
    if (!isMap(data)) errors.push(`- data: Invalid type. Expected: object, given: ${typeName(data)}`);
    else {
      for (const k of Object.keys(data))
        if (!DATA_KEYS.has(k)) errors.push(`- data: Additional property ${k} is not allowed`);
      for (const conn of ["metadataConnection", "resultBackendConnection"]) {
        const c = data[conn];
        if (isMap(c))
          for (const k of Object.keys(c))
            if (!CONNECTION_KEYS.has(k)) errors.push(`- data.${conn}: Additional property ${k} is not allowed`);
      }
      for (const k of ["metadataSecretName", "resultBackendSecretName", "brokerUrlSecretName"]) {
        const v = data[k];
        if (v !== undefined && v !== null && typeof v !== "string")
          errors.push(`- data.${k}: Invalid type. Expected: [string,null], given: ${typeName(v)}`);
      }
    }
  }
  const executor = values.executor;
  if (executor !== undefined) {
    if (typeof executor !== "string")
      errors.push(`- executor: Invalid type. Expected: string, given: ${typeName(executor)}`);
    else if (!executor.split(",").every((e) => EXECUTORS.has(e.trim()) || e.includes("."))) {
      errors.push(
        `- executor: executor must be one of the following: ${[...EXECUTORS].map((e) => `"${e}"`).join(", ")}`,
      );
    }
  }
  for (const comp of REPLICA_KEYS) {
    const section = values[comp];
    if (!isMap(section)) continue;
    const r = section.replicas;
    if (r !== undefined && !(typeof r === "number" && Number.isInteger(r)))
      errors.push(`- ${comp}.replicas: Invalid type. Expected: integer, given: ${typeName(r)}`);
    const pdb = section.podDisruptionBudget;
    if (isMap(pdb) && pdb.enabled !== undefined && typeof pdb.enabled !== "boolean") {
      errors.push(
        `- ${comp}.podDisruptionBudget.enabled: Invalid type. Expected: boolean, given: ${typeName(pdb.enabled)}`,
      );
    }
  }
  for (const path of [
    ["pgbouncer", "enabled"],
    ["statsd", "enabled"],
    ["redis", "enabled"],
    ["postgresql", "enabled"],
  ]) {
    const section = values[path[0]];
    const v = isMap(section) ? section[path[1]] : undefined;
    if (v !== undefined && typeof v !== "boolean")
      errors.push(`- ${path.join(".")}: Invalid type. Expected: boolean, given: ${typeName(v)}`);
  }
  if (errors.length === 0) return undefined;
  return `values don't meet the specifications of the schema(s) in the following chart(s):\n${chartName}:\n${errors.join("\n")}`;
}

function typeName(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "array";
  if (typeof v === "number") return Number.isInteger(v) ? "integer" : "number";
  return typeof v;
}

// The `<fullname>-config` ConfigMap (configmaps/configmap.yaml): airflow.cfg from the coalesced `config` values,
// every value passed through `tpl`. We evaluate the template expressions values.yaml of 1.16–1.19 uses (and
// `.Values.x.y` / `.Release.*` references); anything else is left as written.
import { asMap, asString, getPath, isMap, type JsonMap } from "../sim/objects";
import { atLeast, type AirflowSettings } from "./airflow-settings";
import { truthy } from "./airflow-names";

/** airflow_dags (_helpers.yaml). */
export function dagsFolder(s: AirflowSettings): string {
  const mountPath = asString(getPath(s.values, "dags.mountPath"));
  const home = asString(s.values.airflowHome) ?? "/opt/airflow";
  const sub = asString(getPath(s.values, "dags.gitSync.subPath")) ?? "";
  if (mountPath) return s.gitSync ? `${mountPath}/repo/${sub}` : mountPath;
  return s.gitSync ? `${home}/dags/repo/${sub}` : `${home}/dags`;
}

function goString(v: unknown): string {
  if (v === null || v === undefined) return "<nil>";
  if (typeof v === "string") return v;
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  return JSON.stringify(v);
}

function evalExpr(s: AirflowSettings, expr: string): string | undefined {
  const e = expr.trim();
  const v = s.values;
  const ternary = (b: boolean) => (b ? "True" : "False");
  const known: Record<string, () => string> = {
    ".Values.executor": () => s.executor,
    ".Release.Namespace": () => s.namespace,
    ".Release.Name": () => s.release,
    'include "airflow_dags" .': () => dagsFolder(s),
    'include "airflow_config" .': () => `${s.fullname}-config`,
    'include "airflow_pod_template_file" .': () => `${asString(v.airflowHome) ?? "/opt/airflow"}/pod_templates`,
    'printf "%s-statsd" (include "airflow.fullname" .)': () => `${s.fullname}-statsd`,
    'ternary "True" "False" .Values.statsd.enabled': () => ternary(s.statsd),
    'ternary "True" "False" .Values.multiNamespaceMode': () => ternary(truthy(v.multiNamespaceMode)),
    'ternary "True" "False" (or .Values.elasticsearch.enabled .Values.opensearch.enabled)': () =>
      ternary(truthy(getPath(v, "elasticsearch.enabled")) || truthy(getPath(v, "opensearch.enabled"))),
    'ternary "True" "False" (or (semverCompare ">=3.0.0" .Values.airflowVersion) (.Values.dagProcessor.enabled | default false))':
      () => ternary(atLeast(s, "3.0.0") || truthy(getPath(v, "dagProcessor.enabled"))),
    ".Values.images.airflow.repository | default .Values.defaultAirflowRepository": () =>
      asString(getPath(v, "images.airflow.repository")) || goString(v.defaultAirflowRepository),
    ".Values.images.airflow.tag | default .Values.defaultAirflowTag": () =>
      asString(getPath(v, "images.airflow.tag")) || goString(v.defaultAirflowTag),
    'ternary "" .Values.ingress.flower.path (eq .Values.ingress.flower.path "/")': () => {
      const p = goString(getPath(v, "ingress.flower.path") ?? "");
      return p === "/" ? "" : p;
    },
    'include "dag_bundle_config_list" .': () => {
      const list = Array.isArray(getPath(v, "dagProcessor.dagBundleConfigList"))
        ? (getPath(v, "dagProcessor.dagBundleConfigList") as JsonMap[])
        : [];
      // Go's toJson sorts map keys.
      return JSON.stringify(list.map((b) => ({ classpath: b.classpath, kwargs: b.kwargs ?? {}, name: b.name })));
    },
    'include "cpu_count" (((.Values.scheduler).resources).limits).cpu': () =>
      cpuCount(getPath(v, "scheduler.resources.limits.cpu")),
  };
  const fn = known[e];
  if (fn) return fn();
  const ref = /^\.(Values|Release)\.([\w.]+)$/.exec(e);
  if (ref) return goString(getPath(ref[1] === "Values" ? v : { Name: s.release, Namespace: s.namespace }, ref[2]));
  return undefined;
}

/** cpu_count (_helpers.yaml 1.19): a CPU quantity rounded up to whole cores; no limit gives 0. */
function cpuCount(q: unknown): string {
  const text = q === null || q === undefined ? "" : String(q);
  const n = text.endsWith("m") ? Number(text.slice(0, -1)) / 1000 : Number(text);
  return String(Number.isFinite(n) ? Math.ceil(n) : 0);
}

/** Helm's `tpl` for the expressions the chart's default config uses. */
export function tpl(s: AirflowSettings, text: string): string {
  return text.replace(/\{\{-?\s*(.*?)\s*-?\}\}/g, (whole, expr: string) => evalExpr(s, expr) ?? whole);
}

/** airflow.cfg: sections and keys in Go's sorted map order. */
export function airflowCfg(s: AirflowSettings): string {
  const config = structuredClone(asMap(s.values.config) ?? {});
  if (!isMap(config.core)) config.core = {};
  const core = config.core as JsonMap;
  if (atLeast(s, "3.0.0") && !("execution_api_server_url" in core)) {
    const port = Number(getPath(s.values, "ports.apiServer") ?? 8080);
    let base = "";
    const baseUrl = asString(getPath(config, "api.base_url"));
    if (s.line === "1.19" && baseUrl) {
      try {
        base = new URL(baseUrl).pathname.replace(/\/$/, "");
      } catch {
        base = "";
      }
    }
    core.execution_api_server_url = `http://${s.fullname}-api-server:${port}${base}/execution/`;
  }
  const out: string[] = [];
  for (const section of Object.keys(config).sort()) {
    const settings = config[section];
    out.push(`[${section}]`);
    if (isMap(settings))
      for (const key of Object.keys(settings).sort()) out.push(`${key} = ${tpl(s, goString(settings[key]))}`);
    out.push("");
  }
  return out.join("\n");
}

/** Reads `[section] key` back from an airflow.cfg (for the components that act on their config). */
export function cfgValue(cfg: string, section: string, key: string): string | undefined {
  let current = "";
  for (const line of cfg.split("\n")) {
    const header = /^\[(.+)\]$/.exec(line.trim());
    if (header) current = header[1] as string;
    else if (current === section) {
      const m = /^([^=]+?)\s*=\s*(.*)$/.exec(line);
      if (m && m[1] === key) return m[2];
    }
  }
  return undefined;
}

/** Evaluates `{{- if <cond> }} … {{- end }}` lines for the conditions values.yaml's airflowLocalSettings uses
 *  (semverCompare on airflowVersion, the webserver secret key being set); unknown conditions count as true. */
function condition(s: AirflowSettings, cond: string): boolean {
  const semver = /^semverCompare "([^"]+)" \.Values\.airflowVersion$/.exec(cond);
  if (semver)
    return (semver[1] as string).split(/\s+/).every((c) => {
      const m = /^(>=|<=|>|<|=)?(.+)$/.exec(c) as RegExpExecArray;
      const ge = atLeast(s, m[2] as string);
      const eq = ge && !atLeast(s, bump(m[2] as string));
      return { ">=": ge, ">": ge && !eq, "<": !ge, "<=": !ge || eq, "=": eq }[m[1] ?? "="] ?? true;
    });
  if (cond === "not (or .Values.webserverSecretKey .Values.webserverSecretKeySecretName)")
    return !truthy(s.values.webserverSecretKey) && !truthy(s.values.webserverSecretKeySecretName);
  return true;
}

function bump(version: string): string {
  const [a, b, c] = version.split(".").map(Number);
  return `${a ?? 0}.${b ?? 0}.${(c ?? 0) + 1}`;
}

/** airflow_local_settings.py (configmaps/configmap.yaml): `tpl .Values.airflowLocalSettings`. */
export function airflowLocalSettings(s: AirflowSettings): string | undefined {
  const text = asString(s.values.airflowLocalSettings);
  if (!text) return undefined;
  const out: string[] = [];
  const stack: boolean[] = [];
  for (const line of text.split("\n")) {
    const open = /^\s*\{\{-?\s*if (.+?)\s*-?\}\}\s*$/.exec(line);
    if (open) stack.push(condition(s, open[1] as string));
    else if (/^\s*\{\{-?\s*end\s*-?\}\}\s*$/.test(line)) stack.pop();
    else if (stack.every(Boolean)) out.push(line);
  }
  return tpl(s, out.join("\n"));
}

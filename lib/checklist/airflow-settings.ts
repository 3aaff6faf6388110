// Resolve an Airflow setting ([section] key) the way Airflow sees it: AIRFLOW__SECTION__KEY env vars win over
// airflow.cfg. Sources: values `env`/`extraEnv`/`<component>.env`, live pod env, values `config.*`, and the
// `[section]` of airflow.cfg in the chart's `<fullname>-config` ConfigMap (`_helpers.yaml` `airflow_config`).

import { parse as parseYaml } from "yaml";
import type { EvalContext } from "./context";
import { podEnv } from "./kube-readers";
import { getPath, isMap } from "./values";

/** Where a setting was found. `value` is undefined when set from a secret/configmap reference. */
export interface SettingValue {
  value?: string;
  source: string;
}

const COMPONENT_ENV_PATHS = [
  "scheduler.env",
  "apiServer.env",
  "webserver.env",
  "workers.env",
  "triggerer.env",
  "dagProcessor.env",
];

/** Parse the `[section]`s of an INI file such as airflow.cfg (keys lower-cased). */
export function parseIni(text: string): Map<string, Map<string, string>> {
  const sections = new Map<string, Map<string, string>>();
  let current: Map<string, string> | undefined;
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.trim();
    if (!line || line.startsWith("#") || line.startsWith(";")) continue;
    const header = /^\[([^\]]+)\]$/.exec(line);
    if (header) {
      current = new Map();
      sections.set(header[1].trim().toLowerCase(), current);
      continue;
    }
    const eq = line.indexOf("=");
    if (current && eq > 0) current.set(line.slice(0, eq).trim().toLowerCase(), line.slice(eq + 1).trim());
  }
  return sections;
}

function envEntries(v: unknown): { name: string; value?: string; ref: boolean }[] {
  let list: unknown = v;
  if (typeof v === "string") {
    try {
      list = parseYaml(v);
    } catch {
      return [];
    }
  }
  if (!Array.isArray(list)) return [];
  return list.filter(isMap).flatMap((e) =>
    typeof e.name === "string"
      ? [
          {
            name: e.name,
            value: typeof e.value === "string" ? e.value : e.value !== undefined ? String(e.value) : undefined,
            ref: e.valueFrom !== undefined,
          },
        ]
      : [],
  );
}

/** Env var name Airflow reads for a setting. */
export function envName(section: string, key: string): string {
  return `AIRFLOW__${section.toUpperCase()}__${key.toUpperCase()}`;
}

/** Resolve `[section] key`; undefined when nothing sets it (the caller applies Airflow/chart defaults). */
export function airflowSetting(ctx: EvalContext, section: string, key: string): SettingValue | undefined {
  const name = envName(section, key);
  const valueEnvSources: [string, unknown][] = [
    ["values env", ctx.get("env")],
    ["values extraEnv", ctx.get("extraEnv")],
    ...COMPONENT_ENV_PATHS.map((p): [string, unknown] => [`values ${p}`, ctx.get(p)]),
  ];
  for (const [source, v] of valueEnvSources) {
    const hit = envEntries(v).find((e) => e.name === name);
    if (hit) return { value: hit.ref ? undefined : hit.value, source: `${source} ${name}` };
  }
  for (const pod of ctx.pods()) {
    const env = podEnv(pod);
    if (env.has(name)) return { value: env.get(name), source: `env ${name} of pod ${pod.metadata.name}` };
  }
  const configured = getPath(ctx.user, `config.${section}.${key}`);
  if (configured !== undefined && configured !== null) {
    return {
      value: String(configured),
      source: `values config.${section}.${key} (${ctx.origin(`config.${section}.${key}`)})`,
    };
  }
  const cfg = ctx.airflowConfig?.data;
  const text = isMap(cfg) && typeof cfg["airflow.cfg"] === "string" ? cfg["airflow.cfg"] : undefined;
  if (text) {
    const v = parseIni(text).get(section.toLowerCase())?.get(key.toLowerCase());
    if (v !== undefined)
      return { value: v, source: `airflow.cfg [${section}] in ConfigMap ${ctx.airflowConfig?.metadata.name}` };
  }
  const fallback = getPath(ctx.values, `config.${section}.${key}`);
  if (fallback !== undefined && fallback !== null)
    return { value: String(fallback), source: `chart default config.${section}.${key}` };
  return undefined;
}

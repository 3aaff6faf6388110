// Effective Helm values of an Airflow HelmRelease: chart defaults ⊕ valuesFrom (in order) ⊕ spec.values,
// with `targetPath` entries applied last (they "overwrite all", as in fluxcd/pkg chartutil).

import { parse as parseYaml } from "yaml";
import type { KubeObject } from "../kinds/object";
import { sha256OfJson } from "./canonical-json";
import { setAtTargetPath, targetPathValue } from "./target-path";
import type { ValuesFromSource } from "./snapshot";

/** A Helm values tree. */
export type Values = Record<string, unknown>;

/** One layer of the merge, with a label used as evidence ("chart default", "spec.values", "ConfigMap/x"). */
export interface ValuesLayer {
  label: string;
  kind: "defaults" | "ConfigMap" | "Secret" | "spec.values";
  /** For targetPath layers: the path and the typed value; otherwise a values tree. */
  values?: Values;
  targetPath?: string;
  targetValue?: unknown;
}

/** The result of composing values, with provenance and problems (missing sources, bad YAML). */
export interface ComposedValues {
  /** Defaults ⊕ user values — what the chart renders with. */
  values: Values;
  /** User-supplied values only (valuesFrom ⊕ spec.values ⊕ targetPaths). */
  user: Values;
  layers: ValuesLayer[];
  /** Errors helm-controller would also fail on (missing non-optional source or key, bad YAML). */
  problems: string[];
  /** Informational: optional sources or keys that were skipped. */
  notes: string[];
}

interface ValuesRef {
  kind: string;
  name: string;
  valuesKey?: string;
  targetPath?: string;
  optional?: boolean;
}

/** True for a plain (non-array) object. */
export function isMap(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function clone<T>(v: T): T {
  return v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T);
}

/** Helm/Flux MergeMaps: maps merge recursively, anything else (lists included) replaces. Non-mutating. */
export function mergeMaps(a: Values, b: Values): Values {
  const out: Values = { ...a };
  for (const [k, v] of Object.entries(b)) {
    const prev = out[k];
    out[k] = isMap(v) && isMap(prev) ? mergeMaps(prev, v) : clone(v);
  }
  return out;
}

/** Helm's coalesce of user values over chart defaults: a user `null` deletes the key. */
export function coalesceValues(defaults: Values, user: Values): Values {
  const out: Values = clone(defaults);
  for (const [k, v] of Object.entries(user)) {
    if (v === null) delete out[k];
    else if (isMap(v) && isMap(out[k])) out[k] = coalesceValues(out[k] as Values, v);
    else out[k] = clone(v);
  }
  return out;
}

/** Read a dotted path (`a.b.c`); undefined when any segment is missing. */
export function getPath(values: unknown, path: string): unknown {
  let cur: unknown = values;
  for (const seg of path.split(".")) {
    if (!isMap(cur) || !(seg in cur)) return undefined;
    cur = cur[seg];
  }
  return cur;
}

function refsOf(release: KubeObject): ValuesRef[] {
  const raw = release.spec?.valuesFrom;
  if (!Array.isArray(raw)) return [];
  return raw.filter(isMap).map((r) => ({
    kind: String(r.kind ?? ""),
    name: String(r.name ?? ""),
    valuesKey: typeof r.valuesKey === "string" && r.valuesKey ? r.valuesKey : undefined,
    targetPath: typeof r.targetPath === "string" && r.targetPath ? r.targetPath : undefined,
    optional: r.optional === true,
  }));
}

function layerFor(
  ref: ValuesRef,
  sources: ValuesFromSource[],
  problems: string[],
  notes: string[],
): ValuesLayer | undefined {
  const key = ref.valuesKey ?? "values.yaml";
  const label = `${ref.kind}/${ref.name}${ref.valuesKey ? ` (${key})` : ""}${ref.targetPath ? ` → ${ref.targetPath}` : ""}`;
  if (ref.kind !== "ConfigMap" && ref.kind !== "Secret") {
    problems.push(`unsupported valuesFrom kind '${ref.kind}' (${ref.name})`);
    return undefined;
  }
  const source = sources.find((s) => s.kind === ref.kind && s.name === ref.name);
  if (!source || source.data === undefined) {
    if (!ref.optional) problems.push(`${ref.kind} '${ref.name}' referenced in valuesFrom was not found`);
    else notes.push(`optional ${ref.kind} '${ref.name}' not found (skipped)`);
    return undefined;
  }
  if (!(key in source.data)) {
    if (!ref.optional) problems.push(`key '${key}' not found in ${ref.kind} '${ref.name}'`);
    else notes.push(`optional key '${key}' not found in ${ref.kind} '${ref.name}' (skipped)`);
    return undefined;
  }
  const raw = source.data[key];
  const kind = ref.kind;
  if (ref.targetPath) return { label, kind, targetPath: ref.targetPath, targetValue: targetPathValue(raw) };
  try {
    const parsed: unknown = parseYaml(raw);
    if (parsed === null || parsed === undefined) return { label, kind, values: {} };
    if (!isMap(parsed)) throw new Error("not a map");
    return { label, kind, values: parsed };
  } catch (e) {
    problems.push(`${ref.kind} '${ref.name}' key '${key}' is not a YAML map: ${(e as Error).message}`);
    return undefined;
  }
}

/** Compose the release's values with provenance. See file header for the order. */
export function composeValues(release: KubeObject, sources: ValuesFromSource[], defaults: Values): ComposedValues {
  const problems: string[] = [];
  const notes: string[] = [];
  const layers: ValuesLayer[] = [{ label: "chart default", kind: "defaults", values: defaults }];
  const fromRefs = refsOf(release)
    .map((ref) => layerFor(ref, sources, problems, notes))
    .filter((l): l is ValuesLayer => l !== undefined);
  const specValues = isMap(release.spec?.values) ? (release.spec?.values as Values) : {};
  let user: Values = {};
  for (const l of fromRefs) if (l.values) user = mergeMaps(user, l.values);
  user = mergeMaps(user, specValues);
  for (const l of fromRefs) {
    if (!l.targetPath) continue;
    try {
      setAtTargetPath(user, l.targetPath, clone(l.targetValue));
    } catch (e) {
      problems.push(`${l.label}: ${(e as Error).message}`);
    }
  }
  layers.push(...fromRefs.filter((l) => !l.targetPath));
  layers.push({ label: "spec.values", kind: "spec.values", values: specValues });
  layers.push(...fromRefs.filter((l) => l.targetPath));
  return { values: coalesceValues(defaults, user), user, layers, problems, notes };
}

/** Effective values: chart defaults ⊕ valuesFrom in order ⊕ spec.values (targetPath entries last). */
export function effectiveValues(
  release: KubeObject,
  valuesFromSources: ValuesFromSource[],
  chartDefaults: Values,
): Values {
  return composeValues(release, valuesFromSources, chartDefaults).values;
}

/** Which layer set `path` last ("chart default", "spec.values", "ConfigMap/x" …); undefined when unset. */
export function originOf(layers: ValuesLayer[], path: string): string | undefined {
  let origin: string | undefined;
  for (const l of layers) {
    if (l.targetPath !== undefined) {
      const tp = l.targetPath.replace(/\[\d+\]/g, "");
      if (tp === path || path.startsWith(`${tp}.`) || tp.startsWith(`${path}.`)) origin = l.label;
    } else if (getPath(l.values, path) !== undefined) origin = l.label;
  }
  return origin;
}

function majorOf(v: unknown): 2 | 3 | undefined {
  const m = /^v?(\d+)\./.exec(typeof v === "string" ? v.trim() : typeof v === "number" ? String(v) : "");
  if (!m) return undefined;
  return Number(m[1]) >= 3 ? 3 : 2;
}

/**
 * Airflow major version the chart renders for: `airflowVersion` (the chart's own switch, default per chart
 * version), else `defaultAirflowTag`, else the release's `status.history[0].appVersion`, else 2.
 */
export function airflowMajor(values: Values, release: KubeObject): 2 | 3 {
  const history = release.status?.history;
  const appVersion = Array.isArray(history) && isMap(history[0]) ? history[0].appVersion : undefined;
  return majorOf(values.airflowVersion) ?? majorOf(values.defaultAirflowTag) ?? majorOf(appVersion) ?? 2;
}

/** Stable digest of a values tree: `sha256:<hex>` over canonical JSON (not HC's YAML configDigest). */
export function valuesDigest(values: Values): string {
  return sha256OfJson(values);
}

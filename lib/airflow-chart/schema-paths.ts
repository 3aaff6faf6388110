// Which values paths a chart version's values.schema.json describes. Pure.
// `schemaValuePaths` walks a parsed schema (used by the test that keeps schema-paths.json in step with the real
// schemas in charts/airflow/<version>/values.schema.json); `knownBySchema` answers from the committed data.
//
// An entry is a dotted path ("apiServer.replicas"). An entry ending in ".*" ("config.*") is a free-form node: the
// chart passes it on whole (a map without declared properties, an array, a Kubernetes type by $ref), so every
// path below it is honoured too. The root is open in every version (no additionalProperties), but the templates
// read only the keys they name, so an unknown root key is *not* honoured.

import data from "./schema-paths.json";
import type { ChartLine } from "./versions";

type Schema = Record<string, unknown>;

function isSchema(v: unknown): v is Schema {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function types(node: Schema): string[] {
  const t = node.type;
  if (Array.isArray(t)) return t.map(String);
  return typeof t === "string" ? [t] : [];
}

function resolve(root: Schema, ref: string): Schema | undefined {
  let cur: unknown = root;
  for (const part of ref.replace(/^#\//, "").split("/")) cur = isSchema(cur) ? cur[part] : undefined;
  return isSchema(cur) ? cur : undefined;
}

/** All values paths of a schema, free-form nodes marked with a trailing ".*", sorted. */
export function schemaValuePaths(schema: Schema): string[] {
  const out = new Set<string>();
  const walk = (node: Schema, prefix: string, seen: ReadonlySet<string>): void => {
    const ref = typeof node.$ref === "string" ? node.$ref : undefined;
    if (ref) {
      // Kubernetes API types (affinity, probes, resources …) are passed to the pod spec whole.
      const target = ref.startsWith("#/definitions/io.k8s.") || seen.has(ref) ? undefined : resolve(schema, ref);
      if (!target) {
        if (prefix) out.add(`${prefix}.*`);
        return;
      }
      walk(target, prefix, new Set([...seen, ref]));
      return;
    }
    const props = isSchema(node.properties) ? node.properties : undefined;
    const t = types(node);
    const freeForm =
      (props === undefined && t.includes("object")) ||
      t.includes("array") ||
      node.additionalProperties === true ||
      (isSchema(node.additionalProperties) && Object.keys(node.additionalProperties).length > 0 && props !== undefined);
    if (prefix && freeForm) out.add(`${prefix}.*`);
    for (const [key, child] of Object.entries(props ?? {})) {
      const path = prefix ? `${prefix}.${key}` : key;
      out.add(path);
      if (isSchema(child)) walk(child, path, seen);
    }
    for (const k of ["anyOf", "oneOf", "allOf"]) {
      const alts = node[k];
      if (Array.isArray(alts)) for (const alt of alts) if (isSchema(alt)) walk(alt, prefix, seen);
    }
  };
  walk(schema, "", new Set());
  // "x.*" implies "x": keep one entry.
  return [...out].filter((p) => !out.has(`${p}.*`)).sort();
}

interface SchemaPathData {
  common: string[];
  lines: Record<ChartLine, string[]>;
}

const DATA = data as SchemaPathData;

const BY_LINE: Record<ChartLine, { exact: Set<string>; open: string[] }> = Object.fromEntries(
  (Object.keys(DATA.lines) as ChartLine[]).map((line) => {
    const all = [...DATA.common, ...DATA.lines[line]];
    return [
      line,
      {
        exact: new Set(all.map((p) => p.replace(/\.\*$/, ""))),
        open: all.filter((p) => p.endsWith(".*")).map((p) => p.slice(0, -2)),
      },
    ];
  }),
) as Record<ChartLine, { exact: Set<string>; open: string[] }>;

/** Normalise "env[0].name" / "env.0.name" to "env.0.name"-free form: array indices are dropped. */
export function normalisePath(path: string): string {
  return path
    .replace(/\[\d+\]/g, "")
    .split(".")
    .filter((p) => p !== "" && !/^\d+$/.test(p))
    .join(".");
}

/** Does the chart line's values.schema.json describe this path (itself, or below a free-form node)? */
export function knownBySchema(line: ChartLine, path: string): boolean {
  const p = normalisePath(path);
  const known = BY_LINE[line];
  if (known.exact.has(p)) return true;
  return known.open.some((o) => p.startsWith(`${o}.`));
}

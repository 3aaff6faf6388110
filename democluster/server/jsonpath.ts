// A tiny JSONPath for printer columns: `.a.b`, `.a[0]`, `.a[*]`, `.a['x.y']`, and filters like
// `.status.conditions[?(@.type=="Ready")].status`. Returns every matched value.
import { isPlainObject } from "../store/object-utils";

type Step =
  | { kind: "field"; name: string }
  | { kind: "index"; index: number }
  | { kind: "wildcard" }
  | { kind: "filter"; field: string[]; op: "==" | "!="; value: string };

const cache = new Map<string, Step[]>();

function parse(expr: string): Step[] {
  const cached = cache.get(expr);
  if (cached) return cached;
  const steps: Step[] = [];
  let s = expr.trim().replace(/^\{(.*)\}$/, "$1");
  if (s.startsWith("$")) s = s.slice(1);
  let i = 0;
  while (i < s.length) {
    if (s[i] === ".") {
      const m = /^\.([A-Za-z0-9_-]+)/.exec(s.slice(i));
      if (!m) throw new Error(`unsupported JSONPath ${expr}`);
      steps.push({ kind: "field", name: m[1] as string });
      i += m[0].length;
    } else if (s[i] === "[") {
      const end = s.indexOf("]", i);
      if (end < 0) throw new Error(`unsupported JSONPath ${expr}`);
      const inner = s.slice(i + 1, end).trim();
      i = end + 1;
      let m: RegExpExecArray | null;
      if (inner === "*") steps.push({ kind: "wildcard" });
      else if (/^\d+$/.test(inner)) steps.push({ kind: "index", index: Number(inner) });
      else if ((m = /^'([^']*)'$/.exec(inner) ?? /^"([^"]*)"$/.exec(inner)))
        steps.push({ kind: "field", name: m[1] as string });
      else if ((m = /^\?\(@((?:\.[A-Za-z0-9_-]+)+)\s*(==|!=)\s*(?:"([^"]*)"|'([^']*)'|([^)\s]+))\)$/.exec(inner))) {
        steps.push({
          kind: "filter",
          field: (m[1] as string).slice(1).split("."),
          op: m[2] as "==" | "!=",
          value: m[3] ?? m[4] ?? m[5] ?? "",
        });
      } else throw new Error(`unsupported JSONPath ${expr}`);
    } else throw new Error(`unsupported JSONPath ${expr}`);
  }
  cache.set(expr, steps);
  return steps;
}

function fieldOf(value: unknown, path: string[]): unknown {
  let cur = value;
  for (const p of path) {
    if (!isPlainObject(cur)) return undefined;
    cur = cur[p];
  }
  return cur;
}

export function evaluateJsonPath(obj: unknown, expr: string): unknown[] {
  let current: unknown[] = [obj];
  for (const step of parse(expr)) {
    const next: unknown[] = [];
    for (const v of current) {
      if (step.kind === "field") {
        if (isPlainObject(v) && v[step.name] !== undefined) next.push(v[step.name]);
      } else if (step.kind === "index") {
        if (Array.isArray(v) && step.index < v.length) next.push(v[step.index]);
      } else if (step.kind === "wildcard") {
        if (Array.isArray(v)) next.push(...v);
        else if (isPlainObject(v)) next.push(...Object.values(v));
      } else {
        const items = Array.isArray(v) ? v : [];
        for (const item of items) {
          const actual = fieldOf(item, step.field);
          const equal = actual !== undefined && String(actual) === step.value;
          if (step.op === "==" ? equal : !equal) next.push(item);
        }
      }
    }
    current = next;
  }
  return current;
}

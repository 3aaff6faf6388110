// Label selectors (=, ==, !=, in, notin, exists, !key) and field selectors (=, ==, != on dotted paths such as
// metadata.name, metadata.namespace, involvedObject.uid, status.phase).
import type { KObject } from "../store/types";
import { badRequest } from "../store/errors";
import { readPath } from "../store/object-utils";

export type Selector = (obj: KObject) => boolean;

const KEY = "[A-Za-z0-9][A-Za-z0-9._/-]*";
const VALUE = "[A-Za-z0-9._-]*";
const RE_NOT_EXISTS = new RegExp(`^!\\s*(${KEY})$`);
const RE_SET = new RegExp(`^(${KEY})\\s+(in|notin)\\s*\\(([^)]*)\\)$`);
const RE_EQ = new RegExp(`^(${KEY})\\s*(==|!=|=)\\s*(${VALUE})$`);
const RE_EXISTS = new RegExp(`^(${KEY})$`);
const RE_VALUE = new RegExp(`^${VALUE}$`);

/** Splits on commas that are not inside parentheses. */
function splitTopLevel(input: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let cur = "";
  for (const ch of input) {
    if (ch === "(") depth++;
    if (ch === ")") depth--;
    if (ch === "," && depth === 0) {
      parts.push(cur);
      cur = "";
    } else cur += ch;
  }
  parts.push(cur);
  return parts.map((p) => p.trim()).filter((p) => p.length > 0);
}

type Requirement = (labels: Record<string, string>) => boolean;

function parseRequirement(part: string): Requirement {
  let m = RE_NOT_EXISTS.exec(part);
  if (m) {
    const key = m[1] as string;
    return (l) => !(key in l);
  }
  m = RE_SET.exec(part);
  if (m) {
    const key = m[1] as string;
    const values = (m[3] as string).split(",").map((v) => v.trim());
    if (values.some((v) => !RE_VALUE.test(v)))
      throw badRequest(`unable to parse requirement: invalid value in "${part}"`);
    const set = new Set(values);
    return m[2] === "in"
      ? (l) => key in l && set.has(l[key] as string)
      : (l) => !(key in l) || !set.has(l[key] as string);
  }
  m = RE_EQ.exec(part);
  if (m) {
    const key = m[1] as string;
    const value = m[3] as string;
    return m[2] === "!=" ? (l) => l[key] !== value : (l) => l[key] === value;
  }
  m = RE_EXISTS.exec(part);
  if (m) {
    const key = m[1] as string;
    return (l) => key in l;
  }
  throw badRequest(
    `unable to parse requirement: found '${part}', expected: key, !key, key=value, key!=value, key in (...), key notin (...)`,
  );
}

export function parseLabelSelector(input: string | null): Selector | undefined {
  if (!input || input.trim() === "") return undefined;
  const reqs = splitTopLevel(input).map(parseRequirement);
  return (obj) => {
    const labels = obj.metadata.labels ?? {};
    return reqs.every((r) => r(labels));
  };
}

export function parseFieldSelector(input: string | null): Selector | undefined {
  if (!input || input.trim() === "") return undefined;
  const reqs = input.split(",").map((part) => {
    const m = /^\s*([A-Za-z0-9._-]+)\s*(==|!=|=)\s*(.*?)\s*$/.exec(part);
    if (!m) throw badRequest(`invalid selector: '${input}'; can't understand '${part}'`);
    const [, path, op, value] = m as unknown as [string, string, string, string];
    return (obj: KObject) => {
      const raw = readPath(obj, path);
      const actual = raw === undefined || raw === null ? "" : String(raw);
      return op === "!=" ? actual !== value : actual === value;
    };
  });
  return (obj) => reqs.every((r) => r(obj));
}

export function combineSelectors(...selectors: (Selector | undefined)[]): Selector | undefined {
  const active = selectors.filter((s): s is Selector => s !== undefined);
  if (active.length === 0) return undefined;
  return (obj) => active.every((s) => s(obj));
}

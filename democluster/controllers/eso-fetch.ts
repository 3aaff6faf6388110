// Reads an ExternalSecret's data from the fake vault (data[].remoteRef key/property, dataFrom[].extract) and
// renders spec.target.template (the Go-template subset ESO users write: {{ .key }}, index, and common pipes).
import type { KObject } from "../store/types";
import type { Vault } from "../vault/vault";
import { asMap, asMaps, asString, getPath, specOf } from "../sim/objects";

export type FetchResult = { ok: true; data: Record<string, string> } | { ok: false; error: string };

export function fetchData(vault: Vault, vaultName: string, es: KObject): FetchResult {
  const out: Record<string, string> = {};
  const spec = specOf(es);
  for (const [i, entry] of asMaps(spec.dataFrom).entries()) {
    const key = asString(getPath(entry, "extract.key"));
    if (!key) continue;
    const item = vault.get(vaultName, key);
    if (!item)
      return {
        ok: false,
        error: `error processing spec.dataFrom[${i}].extract, err: item "${key}" not found in vault`,
      };
    Object.assign(out, item.fields);
  }
  for (const [i, entry] of asMaps(spec.data).entries()) {
    const secretKey = asString(entry.secretKey) ?? "";
    const key = asString(getPath(entry, "remoteRef.key")) ?? "";
    const property = asString(getPath(entry, "remoteRef.property")) ?? "password";
    const item = vault.get(vaultName, key);
    if (!item)
      return {
        ok: false,
        error: `error retrieving secret at .data[${i}], key: ${key}, err: item "${key}" not found in vault`,
      };
    const value = item.fields[property];
    if (value === undefined)
      return {
        ok: false,
        error: `error retrieving secret at .data[${i}], key: ${key}, err: key "${property}" not found in item "${key}"`,
      };
    out[secretKey] = value;
  }
  return { ok: true, data: out };
}

/** Go's url.QueryEscape (what the `urlquery` template function does): only [A-Za-z0-9-_.~] stay, space -> "+". */
function goQueryEscape(v: string): string {
  return encodeURIComponent(v)
    .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%20/g, "+");
}

const PIPES: Record<string, (v: string) => string> = {
  toString: (v: string) => v,
  urlquery: goQueryEscape,
  b64enc: (v) => Buffer.from(v).toString("base64"),
  b64dec: (v) => Buffer.from(v, "base64").toString("utf8"),
  upper: (v) => v.toUpperCase(),
  lower: (v) => v.toLowerCase(),
  trim: (v) => v.trim(),
  quote: (v) => JSON.stringify(v),
};

const EXPR = /\{\{-?\s*(?:\.([A-Za-z0-9_]+)|index\s+\.\s+"([^"]+)")\s*((?:\|\s*[A-Za-z0-9]+\s*)*)-?\}\}/g;

export type TemplateResult = { ok: true; data: Record<string, string> } | { ok: false; error: string };

/** Applies spec.target.template.data over the fetched data (mergePolicy Replace by default). */
export function applyTemplate(es: KObject, data: Record<string, string>): TemplateResult {
  const template = asMap(getPath(es, "spec.target.template"));
  const tdata = asMap(template?.data);
  if (!template || !tdata) return { ok: true, data };
  const out: Record<string, string> = asString(template.mergePolicy) === "Merge" ? { ...data } : {};
  for (const [name, raw] of Object.entries(tdata)) {
    const text = asString(raw) ?? "";
    let error: string | undefined;
    const rendered = text.replace(
      EXPR,
      (_m, dotted: string | undefined, indexed: string | undefined, pipes: string) => {
        const key = dotted ?? indexed ?? "";
        if (!(key in data)) {
          error ??= `error executing template: template: ${name}:1:${text.indexOf(key) + 1}: executing "${name}" at <.${key}>: map has no entry for key "${key}"`;
          return "";
        }
        let value = data[key];
        for (const p of pipes
          .split("|")
          .map((s) => s.trim())
          .filter(Boolean)) {
          const fn = Object.hasOwn(PIPES, p) ? PIPES[p] : undefined;
          if (!fn) {
            error ??= `error parsing template: template: ${name}:1: function "${p}" not defined`;
            return "";
          }
          value = fn(value);
        }
        return value;
      },
    );
    if (error) return { ok: false, error };
    out[name] = rendered;
  }
  return { ok: true, data: out };
}

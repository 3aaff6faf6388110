// Helpers shared by the check definitions: outcome builders and value formatting for evidence.

import type { ObjectRef } from "../../kinds/object";
import type { EvalContext } from "../context";
import type { CheckOutcome, Evidence, Fix } from "../types";

/** Build an outcome. */
export function outcome(
  status: CheckOutcome["status"],
  message: string,
  evidence: Evidence[] = [],
  fix?: Fix,
): CheckOutcome {
  return fix ? { status, message, evidence, fix } : { status, message, evidence };
}

/** Outcome builders by status. */
export const pass = (message: string, evidence: Evidence[] = []) => outcome("pass", message, evidence);
export const fail = (message: string, evidence: Evidence[] = [], fix?: Fix) => outcome("fail", message, evidence, fix);
export const warn = (message: string, evidence: Evidence[] = [], fix?: Fix) => outcome("warn", message, evidence, fix);
export const notApplicable = (message: string, evidence: Evidence[] = []) =>
  outcome("not-applicable", message, evidence);
export const needsAttestation = (message: string, evidence: Evidence[] = []) =>
  outcome("needs-attestation", message, evidence);

/** Evidence line. */
export function ev(text: string, ref?: ObjectRef): Evidence {
  return ref ? { text, ref } : { text };
}

/** Airflow-style truthiness of a values/config setting (`True`, `true`, `1`, true). */
export function truthy(v: unknown): boolean {
  if (v === true) return true;
  if (typeof v === "number") return v !== 0;
  return typeof v === "string" && ["true", "1", "yes", "on"].includes(v.trim().toLowerCase());
}

/** True when a value is a non-empty string or a number/boolean (not null/undefined/""). */
export function isSet(v: unknown): boolean {
  if (v === undefined || v === null) return false;
  if (typeof v === "string") return v.trim() !== "";
  return true;
}

function display(v: unknown): string {
  if (v === undefined) return "unset";
  if (v === null) return "null";
  if (typeof v === "string") return JSON.stringify(v.length > 80 ? `${v.slice(0, 77)}...` : v);
  if (typeof v === "object") return Array.isArray(v) ? `[${v.length} item(s)]` : "{…}";
  return String(v);
}

/** "`path` = value (origin)" for a NON-secret values path. */
export function shown(ctx: EvalContext, path: string): string {
  return `\`${path}\` = ${display(ctx.get(path))} (${ctx.origin(path)})`;
}

/** Secret reference for evidence links. */
export function secretRef(ctx: EvalContext, name: string): ObjectRef {
  return { resource: "secrets", namespace: ctx.namespace, name };
}

/** Parse a duration like `5s`, `1m30s`, `60` (seconds) into seconds. */
export function durationSeconds(v: unknown): number | undefined {
  if (typeof v === "number") return v;
  if (typeof v !== "string" || !v.trim()) return undefined;
  if (/^\d+$/.test(v.trim())) return Number(v.trim());
  const re = /(\d+(?:\.\d+)?)(h|ms|m|s)/g;
  let total = 0;
  let matched = "";
  for (const m of v.trim().matchAll(re)) {
    matched += m[0];
    const n = Number(m[1]);
    total += m[2] === "h" ? n * 3600 : m[2] === "m" ? n * 60 : m[2] === "s" ? n : n / 1000;
  }
  return matched === v.trim() ? total : undefined;
}

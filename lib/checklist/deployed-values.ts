// The values the checklist judges. With Helm's release record: chart defaults ⊕ the deployed `config` (what runs),
// with the HelmRelease's composed values used for provenance where they agree and named as pending where they
// differ. Without a record: chart defaults ⊕ the HelmRelease's composed values, and the evidence says so.

import type { KubeObject } from "../kinds/object";
import {
  describeRecord,
  hasRecord,
  isMaskedValue,
  maskedMatches,
  noRecordReason,
  type HelmDeployedFacts,
} from "./helm-facts";
import { INLINE_SECRET_PATHS } from "./inline-secrets";
import type { ValuesFromSource } from "./snapshot";
import { coalesceValues, composeValues, getPath, isMap, originOf, type Values, type ValuesLayer } from "./values";

/** A values path where the HelmRelease asks for something other than what Helm deployed. */
export interface PendingValue {
  path: string;
  /** What the HelmRelease asks for (undefined: it removes the key). Never shown for secret paths. */
  asked: unknown;
  deployed: unknown;
  /** The asked value is never shown: a secret path or name, masked in the record, or from a valuesFrom Secret. */
  hidden: boolean;
}

/** The judged values with provenance. */
export interface JudgedValues {
  judgedFrom: "helm-record" | "helmrelease";
  /** Defaults ⊕ judged user values — what the chart renders with. */
  values: Values;
  /** Judged user values (deployed config, or the HelmRelease's composed values without a record). */
  user: Values;
  /** The HelmRelease's composed user values (what Git asks for). */
  asked: Values;
  /** The HelmRelease's layers (provenance, inline-secret findings). */
  layers: ValuesLayer[];
  problems: string[];
  notes: string[];
  pending: PendingValue[];
  /** One sentence: where the judged values come from. */
  sourceText: string;
  origin(path: string): string;
}

/** Cap on listed pending paths (the rest is counted). */
export const MAX_PENDING = 20;

const SECRET_PATHS = new Set(INLINE_SECRET_PATHS.map((p) => p.path));

function equalModuloMask(deployed: unknown, asked: unknown): boolean {
  if (isMaskedValue(deployed)) return maskedMatches(deployed, asked);
  if (Array.isArray(deployed) && Array.isArray(asked))
    return deployed.length === asked.length && deployed.every((d, i) => equalModuloMask(d, asked[i]));
  if (isMap(deployed) && isMap(asked)) {
    const keys = new Set([...Object.keys(deployed), ...Object.keys(asked)]);
    return [...keys].every((k) => equalModuloMask(deployed[k], asked[k]));
  }
  return JSON.stringify(deployed) === JSON.stringify(asked);
}

/** Leaf paths (maps recurse; lists and scalars are leaves) where the deployed and asked trees differ. */
export function pendingValues(deployed: Values, asked: Values, prefix = ""): PendingValue[] {
  const out: PendingValue[] = [];
  for (const k of [...new Set([...Object.keys(deployed), ...Object.keys(asked)])].sort()) {
    const path = prefix ? `${prefix}.${k}` : k;
    const d = deployed[k];
    const a = asked[k];
    if (isMap(d) && isMap(a)) out.push(...pendingValues(d, a, path));
    else if (!equalModuloMask(d, a)) out.push({ path, asked: a, deployed: d, hidden: looksSecret(path, d, a) });
  }
  return out;
}

/** Deployed config with masked leaves replaced by the HelmRelease's value at the same path, where it has one. */
function unmask(deployed: unknown, asked: unknown): unknown {
  if (isMaskedValue(deployed)) return maskedMatches(deployed, asked) ? asked : deployed;
  if (Array.isArray(deployed)) return deployed.map((d, i) => unmask(d, Array.isArray(asked) ? asked[i] : undefined));
  if (isMap(deployed)) {
    const a = isMap(asked) ? asked : {};
    return Object.fromEntries(Object.entries(deployed).map(([k, v]) => [k, unmask(v, a[k])]));
  }
  return deployed;
}

const SECRETISH = /pass|secret|token|key|credential|conn|auth|cert/i;

function containsMask(v: unknown): boolean {
  if (isMaskedValue(v)) return true;
  if (Array.isArray(v)) return v.some(containsMask);
  return isMap(v) && Object.values(v).some(containsMask);
}

function looksSecret(path: string, deployed: unknown, asked: unknown): boolean {
  const last = path.split(".").pop() ?? "";
  return SECRET_PATHS.has(path) || SECRETISH.test(last) || containsMask(deployed) || containsMask(asked);
}

function shortValue(p: PendingValue): string {
  const v = p.asked;
  if (p.hidden && v !== undefined) return "another value (not shown)";
  if (v === undefined) return "the key removed";
  // Lists and maps are summarised: env lists and the like can carry values nobody should see in evidence.
  if (Array.isArray(v)) return `a list of ${v.length} item(s)`;
  if (isMap(v)) return "a map";
  const text = JSON.stringify(v) ?? String(v);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/**
 * "pending: the HelmRelease asks for X at `path`, Helm has not applied it[: <message>]" for one pending value
 * (`withMessage: false` leaves Helm's message out, for lists that state it once).
 */
export function pendingText(p: PendingValue, helm: HelmDeployedFacts | undefined, withMessage = true): string {
  const why = helm?.pending?.message ? (withMessage ? `: ${helm.pending.message}` : "") : " yet";
  return `pending: the HelmRelease asks for ${shortValue(p)} at \`${p.path}\`, Helm has not applied it${why}`;
}

const related = (a: string, b: string) => a === b || a.startsWith(`${b}.`) || b.startsWith(`${a}.`);

/** Compose the judged values for a release (see file header). */
export function judgeValues(
  release: KubeObject,
  sources: ValuesFromSource[],
  defaults: Values,
  helm: HelmDeployedFacts | undefined,
): JudgedValues {
  const composed = composeValues(release, sources, defaults);
  const gitOrigin = (path: string) => originOf(composed.layers, path) ?? "unset";
  if (!hasRecord(helm)) {
    return {
      judgedFrom: "helmrelease",
      values: composed.values,
      user: composed.user,
      asked: composed.user,
      layers: composed.layers,
      problems: composed.problems,
      notes: composed.notes,
      pending: [],
      sourceText: `No Helm release record readable (${noRecordReason(helm)}): judged from the HelmRelease's values`,
      origin: gitOrigin,
    };
  }
  const user = unmask(helm.config, composed.user) as Values;
  // A value a valuesFrom Secret supplies is never shown, whatever its name.
  const fromSecret = (path: string) => {
    const o = originOf(composed.layers, path);
    return composed.layers.some((l) => l.kind === "Secret" && l.label === o);
  };
  const pending = pendingValues(helm.config, composed.user).map((p) => ({
    ...p,
    hidden: p.hidden || fromSecret(p.path),
  }));
  const values = coalesceValues(defaults, user);
  const origin = (path: string): string => {
    const p = pending.find((x) => related(x.path, path));
    if (p)
      return `deployed by Helm${helm.revision !== undefined ? ` rev ${helm.revision}` : ""}; ${pendingText(p, helm)}`;
    const o = originOf(composed.layers, path);
    if (o) return o;
    return getPath(values, path) === undefined ? "unset" : "chart default";
  };
  const sourceText = pending.length
    ? `Judged from ${describeRecord(helm)}: what runs. The HelmRelease asks for ${pending.length} value(s) Helm has not applied`
    : `Judged from ${describeRecord(helm)}: what runs; the HelmRelease's values agree with it`;
  return {
    judgedFrom: "helm-record",
    values,
    user,
    asked: composed.user,
    layers: composed.layers,
    problems: composed.problems,
    notes: composed.notes,
    pending,
    sourceText,
    origin,
  };
}

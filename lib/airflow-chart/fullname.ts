// The chart's name helpers (templates/_helpers.yaml, identical in 1.16–1.19), and the Bitnami PostgreSQL
// subchart's name. Pure.

import type { ValueReader } from "./values";

export const CHART_NAME = "airflow";

/** sprig `trunc 63 | trimSuffix "-"` (trimSuffix removes one trailing "-"). */
export function trunc63(s: string): string {
  const t = s.slice(0, 63);
  return t.endsWith("-") ? t.slice(0, -1) : t;
}

/** The Helm idiom `if contains $name .Release.Name → release, else <release>-<name>` (both truncated). */
function releaseWithName(release: string, name: string): string {
  return release.includes(name) ? trunc63(release) : trunc63(`${release}-${name}`);
}

/**
 * `airflow.fullname`: the release name, unless `useStandardNaming`; then `fullnameOverride`, or
 * `<release>-<nameOverride or "airflow">` (the release name alone when it already contains that name).
 */
export function airflowFullname(release: string, v: ValueReader): string {
  if (!v.on("useStandardNaming")) return release;
  const override = v.str("fullnameOverride");
  if (override) return trunc63(override);
  return releaseWithName(release, v.str("nameOverride") ?? CHART_NAME);
}

/**
 * `airflow.serviceAccountName`, the prefix of every ServiceAccount the chart names. It ignores
 * `useStandardNaming`: `fullnameOverride`, else `<release>-<nameOverride or "airflow">` (or the release name).
 */
export function serviceAccountPrefix(release: string, v: ValueReader): string {
  const override = v.str("fullnameOverride");
  if (override) return trunc63(override);
  return releaseWithName(release, v.str("nameOverride") ?? CHART_NAME);
}

/**
 * `_serviceAccountName` for a values section: `<section>.serviceAccount.name`, or
 * `<airflow.serviceAccountName>-<suffix>` when `create`, else "default".
 */
export function serviceAccountName(release: string, v: ValueReader, section: string, suffix: string): string {
  const sa = { create: v.on(`${section}.serviceAccount.create`), name: v.str(`${section}.serviceAccount.name`) };
  return serviceAccountNameOf(serviceAccountPrefix(release, v), sa, suffix);
}

/** `_serviceAccountName` given the section's (possibly merged) `serviceAccount` settings. */
export function serviceAccountNameOf(prefix: string, sa: { create: boolean; name?: string }, suffix: string): string {
  if (sa.create) return sa.name ?? `${prefix}-${suffix}`;
  return sa.name ?? "default";
}

/**
 * The Bitnami PostgreSQL subchart (Chart.yaml: postgresql 13.2.24, condition postgresql.enabled) names its
 * primary StatefulSet and Service `common.names.fullname`: `postgresql.fullnameOverride`, else
 * `<release>-<postgresql.nameOverride or "postgresql">` (the release alone when it contains that name);
 * with `architecture: replication` the primary gets a `-primary` suffix.
 */
export function bundledPostgresqlName(release: string, v: ValueReader): string {
  const override = v.str("postgresql.fullnameOverride");
  const base = override ? trunc63(override) : releaseWithName(release, v.str("postgresql.nameOverride") ?? "postgresql");
  return v.str("postgresql.architecture") === "replication" ? trunc63(`${base}-primary`) : base;
}

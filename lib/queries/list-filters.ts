// List filters (resource, namespace, health, text) as they appear in the page URL, the API query string and the
// react-query key. Pure module: no React, no browser APIs.
import type { HealthStatus } from "@/lib/health/types";
import { HEALTH_STATUSES } from "@/lib/views/summary";

export interface ListFilters {
  /** Lowercase plural (e.g. "helmreleases"); null lists every listable type. */
  resource: string | null;
  namespace: string | null;
  /** Empty means "any health". Kept in HEALTH_STATUSES order so equal filters give equal keys. */
  health: HealthStatus[];
  /** Substring of "namespace/name", case-insensitive (the server's rule). */
  q: string;
}

export type SortKey = "name" | "namespace" | "health" | "revision" | "lastReconciledAt" | "age";
export type SortDir = "asc" | "desc";
export const SORT_KEYS: readonly SortKey[] = ["name", "namespace", "health", "revision", "lastReconciledAt", "age"];

export interface ListView {
  filters: ListFilters;
  sort: SortKey;
  dir: SortDir;
}

/** A minimal read-only view of URLSearchParams (next/navigation's ReadonlyURLSearchParams fits). */
export interface ParamsLike {
  get(name: string): string | null;
}

function isHealth(v: string): v is HealthStatus {
  return (HEALTH_STATUSES as readonly string[]).includes(v);
}

export function normalizeHealth(values: readonly string[]): HealthStatus[] {
  const set = new Set(values.filter(isHealth));
  return HEALTH_STATUSES.filter((h) => set.has(h));
}

export function makeFilters(resource: string | null, partial: { namespace?: string | null; health?: readonly string[]; q?: string } = {}): ListFilters {
  return {
    resource,
    namespace: partial.namespace ? partial.namespace : null,
    health: normalizeHealth(partial.health ?? []),
    q: (partial.q ?? "").trim(),
  };
}

/** Reads `?namespace=&health=Healthy,Degraded&q=&sort=&dir=` of a list page. */
export function viewFromParams(resource: string | null, params: ParamsLike): ListView {
  const sortParam = params.get("sort");
  const sort = SORT_KEYS.find((k) => k === sortParam) ?? "name";
  const dir: SortDir = params.get("dir") === "desc" ? "desc" : "asc";
  return {
    filters: makeFilters(resource, {
      namespace: params.get("namespace"),
      health: (params.get("health") ?? "").split(",").filter(Boolean),
      q: params.get("q") ?? "",
    }),
    sort,
    dir,
  };
}

/** The page query string for a view (defaults omitted, so the plain URL stays plain). */
export function viewToSearch(view: ListView): string {
  const p = new URLSearchParams();
  if (view.filters.namespace) p.set("namespace", view.filters.namespace);
  if (view.filters.health.length) p.set("health", view.filters.health.join(","));
  if (view.filters.q) p.set("q", view.filters.q);
  if (view.sort !== "name") p.set("sort", view.sort);
  if (view.dir !== "asc") p.set("dir", view.dir);
  const s = p.toString();
  return s ? `?${s}` : "";
}

/** The API path of a list: /api/v1/clusters/{cluster}/resources?resource=&namespace=&health=&q= */
export function listApiPath(cluster: string, f: ListFilters): string {
  const p = new URLSearchParams();
  if (f.resource) p.set("resource", f.resource);
  if (f.namespace) p.set("namespace", f.namespace);
  if (f.health.length) p.set("health", f.health.join(","));
  if (f.q) p.set("q", f.q);
  const s = p.toString();
  return `/api/v1/clusters/${encodeURIComponent(cluster)}/resources${s ? `?${s}` : ""}`;
}

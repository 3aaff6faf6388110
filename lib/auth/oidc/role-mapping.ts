// OIDC groups → app role and Kubernetes groups.
// Role: the highest role whose configured groups intersect the user's groups; viewer when none do.
// Kubernetes groups: only the groups named in the role mapping, each with the configured prefix — so the app's
// ServiceAccount can be limited to impersonating exactly those groups (`resourceNames` in its ClusterRole).
import type { Role } from "../roles";

export interface RoleGroups {
  admin: readonly string[];
  operator: readonly string[];
  viewer: readonly string[];
}

export function roleForGroups(groups: readonly string[], map: RoleGroups): Role {
  const has = (wanted: readonly string[]) => wanted.some((g) => groups.includes(g));
  if (has(map.admin)) return "admin";
  if (has(map.operator)) return "operator";
  return "viewer";
}

export function kubeGroupsFor(groups: readonly string[], map: RoleGroups, prefix: string): string[] {
  const known = new Set([...map.admin, ...map.operator, ...map.viewer]);
  return [...new Set(groups.filter((g) => known.has(g)))].sort().map((g) => `${prefix}${g}`);
}

/** A claim value as a list of group names (string arrays, or a single string); anything else is no groups. */
export function groupsFromClaim(value: unknown): string[] {
  if (typeof value === "string") return value ? [value] : [];
  if (!Array.isArray(value)) return [];
  return value.filter((g): g is string => typeof g === "string" && g.length > 0 && g.length <= 256).slice(0, 500);
}

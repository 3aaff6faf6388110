// App roles. The role caps what the app allows; Kubernetes RBAC (through impersonation) decides as well.
export const ROLES = ["viewer", "operator", "admin"] as const;
export type Role = (typeof ROLES)[number];

const rank: Record<Role, number> = { viewer: 0, operator: 1, admin: 2 };

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** True when `role` is at least `min` (viewer < operator < admin). */
export function roleAtLeast(role: Role, min: Role): boolean {
  return rank[role] >= rank[min];
}

// The API token shapes the Settings page receives from /api/v1/tokens.
export interface ApiTokenItem {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  /** Every token expires. */
  expiresAt: string;
  revokedAt: string | null;
  /** Who revoked it: the owner, or an admin. */
  revokedBy: string | null;
  active: boolean;
}

/** A token in the admin's list of everyone's tokens (GET /api/v1/tokens?scope=all). */
export interface OwnedApiTokenItem extends ApiTokenItem {
  owner: { name: string; subject: string };
}

/** The lifetimes offered when creating a token; the API allows 1–365 days and defaults to 30. */
export const TOKEN_LIFETIMES = [
  { days: 7, label: "in 7 days" },
  { days: 30, label: "in 30 days" },
  { days: 90, label: "in 90 days" },
  { days: 365, label: "in 1 year (the longest)" },
] as const;

export const DEFAULT_TOKEN_DAYS = 30;

export function tokenStatus(t: ApiTokenItem): string {
  if (t.revokedAt) return `revoked ${t.revokedAt.slice(0, 10)}${t.revokedBy ? ` by ${t.revokedBy}` : ""}`;
  if (!t.active) return `expired ${t.expiresAt.slice(0, 10)}`;
  return `expires ${t.expiresAt.slice(0, 10)}`;
}

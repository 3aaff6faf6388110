// The API token shape the Settings page receives from /api/v1/tokens.
export interface ApiTokenItem {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
  active: boolean;
}

export function tokenStatus(t: ApiTokenItem): string {
  if (t.revokedAt) return `revoked ${t.revokedAt.slice(0, 10)}`;
  if (!t.active) return "expired";
  return t.expiresAt ? `expires ${t.expiresAt.slice(0, 10)}` : "no expiry";
}

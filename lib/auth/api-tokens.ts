// API bearer tokens for scripts and CI: "ft_" + 256 random bits. Shown once at creation; the database keeps only
// the sha256 and a short prefix. A token carries its user's identity and current role; it stops working when
// revoked, expired, or when its user is gone.
import { randomBytes } from "node:crypto";
import { getDb } from "@/lib/db/client";
import type { Principal } from "./principal";
import { isRole } from "./roles";
import { hashSecret, kubeUserFor, parseGroups } from "./user-fields";

export const TOKEN_PATTERN = /^ft_[A-Za-z0-9_-]{43}$/;
export const TOKEN_CREDENTIAL_PREFIX = "token:";
export const MAX_ACTIVE_TOKENS_PER_USER = 25;
const PREFIX_LENGTH = 11; // "ft_" + 8

export interface ApiTokenView {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
  active: boolean;
}

interface TokenRow {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  expiresAt: Date | null;
  revokedAt: Date | null;
}

function isActive(row: Pick<TokenRow, "expiresAt" | "revokedAt">, now: number): boolean {
  return !row.revokedAt && (!row.expiresAt || row.expiresAt.getTime() > now);
}

function toView(row: TokenRow, now = Date.now()): ApiTokenView {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
    active: isActive(row, now),
  };
}

export async function countActiveTokens(userId: string, now = Date.now()): Promise<number> {
  const db = await getDb();
  return db.apiToken.count({ where: { userId, revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: new Date(now) } }] } });
}

/** Creates a token; returns its view and the secret (the only time the secret exists outside the caller). */
export async function createApiToken(userId: string, input: { name: string; expiresAt: Date | null }): Promise<{ token: ApiTokenView; secret: string }> {
  const db = await getDb();
  const secret = `ft_${randomBytes(32).toString("base64url")}`;
  const row = await db.apiToken.create({
    data: { userId, name: input.name, tokenHash: hashSecret(secret), prefix: secret.slice(0, PREFIX_LENGTH), expiresAt: input.expiresAt },
  });
  return { token: toView(row), secret };
}

export async function listApiTokens(userId: string): Promise<ApiTokenView[]> {
  const db = await getDb();
  const rows = await db.apiToken.findMany({ where: { userId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: 200 });
  const now = Date.now();
  return rows.map((r) => toView(r, now));
}

/** Revokes one of the user's tokens; returns it, or null when the user has no such token. Idempotent. */
export async function revokeApiToken(userId: string, id: string): Promise<ApiTokenView | null> {
  const db = await getDb();
  const row = await db.apiToken.findFirst({ where: { id, userId } });
  if (!row) return null;
  if (row.revokedAt) return toView(row);
  await db.apiToken.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: new Date() } });
  const updated = await db.apiToken.findUnique({ where: { id } });
  return updated ? toView(updated) : null;
}

/** Resolves a bearer secret to its user's principal; null when malformed, unknown, revoked or expired. */
export async function principalFromApiToken(secret: string): Promise<Principal | null> {
  if (!TOKEN_PATTERN.test(secret)) return null;
  const db = await getDb();
  const row = await db.apiToken.findUnique({ where: { tokenHash: hashSecret(secret) }, include: { user: true } });
  const now = Date.now();
  if (!row || !isActive(row, now)) return null;
  if (!row.lastUsedAt || now - row.lastUsedAt.getTime() > 60_000) {
    await db.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date(now) } });
  }
  const { user } = row;
  if (!isRole(user.role)) return null;
  return {
    userId: user.id,
    subject: user.subject,
    name: user.name,
    role: user.role,
    groups: parseGroups(user.groups),
    kubeUser: user.kubeUser ?? kubeUserFor(user.subject, user.name),
    via: "token",
    sessionId: `${TOKEN_CREDENTIAL_PREFIX}${row.id}`,
  };
}

/** Whether the token behind a `token:<id>` credential id still works (streams poll this). */
export async function apiTokenIsActive(tokenId: string): Promise<boolean> {
  const db = await getDb();
  const row = await db.apiToken.findUnique({ where: { id: tokenId } });
  return !!row && isActive(row, Date.now());
}

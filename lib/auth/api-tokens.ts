// API bearer tokens for scripts and CI: "ft_" + 256 random bits. Shown once at creation; the database keeps only
// the sha256 and a short prefix. A token acts as its user with the role and groups of their latest sign-in, and it
// stops working when revoked (by its owner or an admin), when it expires (always: 30 days by default, at most 365),
// when its user is gone, or while its user has not signed in for FLUXTOWER_TOKEN_IDLE_DAYS — so someone removed
// from the IdP group keeps their rights only until their tokens stop.
import { randomBytes } from "node:crypto";
import { env } from "@/lib/config/env";
import { getDb } from "@/lib/db/client";
import { logger } from "@/lib/log/logger";
import type { Principal } from "./principal";
import { isRole } from "./roles";
import { hashSecret, kubeUserFor, parseGroups } from "./user-fields";

export const TOKEN_PATTERN = /^ft_[A-Za-z0-9_-]{43}$/;
export const TOKEN_CREDENTIAL_PREFIX = "token:";
export const MAX_ACTIVE_TOKENS_PER_USER = 25;
export const TOKEN_DEFAULT_DAYS = 30;
export const TOKEN_MAX_DAYS = 365;
const PREFIX_LENGTH = 11; // "ft_" + 8
const DAY_MS = 86_400_000;

export interface ApiTokenView {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  expiresAt: string;
  revokedAt: string | null;
  /** Who revoked it (the owner or an admin). */
  revokedBy: string | null;
  active: boolean;
}

/** A token as an admin sees it: with its owner. */
export interface OwnedApiTokenView extends ApiTokenView {
  owner: { name: string; subject: string };
}

interface TokenRow {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  expiresAt: Date;
  revokedAt: Date | null;
  revokedBy: string | null;
}

function isActive(row: Pick<TokenRow, "expiresAt" | "revokedAt">, now: number): boolean {
  return !row.revokedAt && row.expiresAt.getTime() > now;
}

/** Whether the user's latest sign-in is recent enough for their tokens to work. */
export function signedInRecently(lastSignInAt: Date | null, now: number, idleDays = env().FLUXTOWER_TOKEN_IDLE_DAYS): boolean {
  return !!lastSignInAt && now - lastSignInAt.getTime() <= idleDays * DAY_MS;
}

function toView(row: TokenRow, now = Date.now()): ApiTokenView {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    expiresAt: row.expiresAt.toISOString(),
    revokedAt: row.revokedAt?.toISOString() ?? null,
    revokedBy: row.revokedBy,
    active: isActive(row, now),
  };
}

export async function countActiveTokens(userId: string, now = Date.now()): Promise<number> {
  const db = await getDb();
  return db.apiToken.count({ where: { userId, revokedAt: null, expiresAt: { gt: new Date(now) } } });
}

/** Creates a token valid for `expiresInDays` (1–365); returns its view and the secret (shown this once). */
export async function createApiToken(userId: string, input: { name: string; expiresInDays: number }): Promise<{ token: ApiTokenView; secret: string }> {
  if (!Number.isInteger(input.expiresInDays) || input.expiresInDays < 1 || input.expiresInDays > TOKEN_MAX_DAYS) {
    throw new RangeError(`expiresInDays must be 1–${TOKEN_MAX_DAYS}`);
  }
  const db = await getDb();
  const secret = `ft_${randomBytes(32).toString("base64url")}`;
  const now = Date.now();
  const row = await db.apiToken.create({
    data: {
      userId,
      name: input.name,
      tokenHash: hashSecret(secret),
      prefix: secret.slice(0, PREFIX_LENGTH),
      createdAt: new Date(now),
      expiresAt: new Date(now + input.expiresInDays * DAY_MS),
    },
  });
  return { token: toView(row, now), secret };
}

export async function listApiTokens(userId: string): Promise<ApiTokenView[]> {
  const db = await getDb();
  const rows = await db.apiToken.findMany({ where: { userId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: 200 });
  const now = Date.now();
  return rows.map((r) => toView(r, now));
}

/** Every user's tokens, newest first (admins). `activeOnly` leaves out revoked and expired ones. */
export async function listAllApiTokens(activeOnly: boolean, now = Date.now()): Promise<OwnedApiTokenView[]> {
  const db = await getDb();
  const rows = await db.apiToken.findMany({
    where: activeOnly ? { revokedAt: null, expiresAt: { gt: new Date(now) } } : undefined,
    include: { user: { select: { name: true, subject: true } } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 1000,
  });
  return rows.map((r) => ({ ...toView(r, now), owner: { name: r.user.name, subject: r.user.subject } }));
}

export interface RevokedToken {
  token: ApiTokenView;
  owner: { id: string; name: string; subject: string };
}

/**
 * Revokes a token: the caller's own, or — with `anyUser` (admins) — anyone's. Returns it with its owner, or null
 * when there is no such token for this caller. Idempotent (a revoked token stays as it was revoked).
 */
export async function revokeApiToken(id: string, by: { userId: string; name: string; anyUser: boolean }): Promise<RevokedToken | null> {
  const db = await getDb();
  const row = await db.apiToken.findFirst({ where: by.anyUser ? { id } : { id, userId: by.userId }, include: { user: { select: { id: true, name: true, subject: true } } } });
  if (!row) return null;
  if (!row.revokedAt) await db.apiToken.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: new Date(), revokedBy: by.name } });
  const updated = await db.apiToken.findUnique({ where: { id } });
  return updated ? { token: toView(updated), owner: row.user } : null;
}

/** Resolves a bearer secret to its user's principal; null when malformed, unknown, revoked, expired or idle. */
export async function principalFromApiToken(secret: string): Promise<Principal | null> {
  if (!TOKEN_PATTERN.test(secret)) return null;
  const db = await getDb();
  const row = await db.apiToken.findUnique({ where: { tokenHash: hashSecret(secret) }, include: { user: true } });
  const now = Date.now();
  if (!row || !isActive(row, now)) return null;
  const { user } = row;
  if (!signedInRecently(user.lastSignInAt, now)) {
    logger.info({ token: row.prefix, user: user.name }, "API token refused: its user has not signed in within FLUXTOWER_TOKEN_IDLE_DAYS");
    return null;
  }
  if (!row.lastUsedAt || now - row.lastUsedAt.getTime() > 60_000) {
    await db.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date(now) } });
  }
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
  const row = await db.apiToken.findUnique({ where: { id: tokenId }, include: { user: { select: { lastSignInAt: true } } } });
  const now = Date.now();
  return !!row && isActive(row, now) && signedInRecently(row.user.lastSignInAt, now);
}

// Server-side sessions. The cookie carries a random secret; the database stores only its sha256 as the id.
// Idle and absolute timeouts; sign-out revokes.
import { randomBytes } from "node:crypto";
import { env } from "@/lib/config/env";
import { getDb } from "@/lib/db/client";
import { apiTokenIsActive, TOKEN_CREDENTIAL_PREFIX } from "./api-tokens";
import type { Principal } from "./principal";
import { isRole } from "./roles";
import { hashSecret, kubeUserFor, parseGroups } from "./user-fields";

export { hashSecret, kubeUserFor, parseGroups };

export interface NewSession {
  cookieValue: string;
  maxAgeSeconds: number;
  sessionId: string;
}

/** Creates a session for a user; returns the cookie value (shown to the browser once, never stored). */
export async function createSession(userId: string, meta: { ip?: string; userAgent?: string }): Promise<NewSession> {
  const db = await getDb();
  const secret = randomBytes(32).toString("base64url");
  const now = Date.now();
  const { FLUXTOWER_SESSION_IDLE_MINUTES: idle, FLUXTOWER_SESSION_MAX_HOURS: maxHours } = env();
  const id = hashSecret(secret);
  await db.session.create({
    data: {
      id,
      userId,
      createdAt: new Date(now),
      lastSeenAt: new Date(now),
      idleExpiresAt: new Date(now + idle * 60_000),
      absoluteExpiresAt: new Date(now + maxHours * 3_600_000),
      ip: meta.ip?.slice(0, 64),
      userAgent: meta.userAgent?.slice(0, 256),
    },
  });
  return { cookieValue: secret, maxAgeSeconds: maxHours * 3600, sessionId: id };
}

/** Resolves a cookie value to a principal, extending the idle timeout. Null when missing, expired or revoked. */
export async function principalFromSession(cookieValue: string | undefined): Promise<Principal | null> {
  if (!cookieValue || cookieValue.length > 200) return null;
  const db = await getDb();
  const id = hashSecret(cookieValue);
  const session = await db.session.findUnique({ where: { id }, include: { user: true } });
  const now = Date.now();
  if (!session || session.revokedAt) return null;
  if (session.idleExpiresAt.getTime() <= now || session.absoluteExpiresAt.getTime() <= now) return null;
  // Touch at most once a minute to keep writes low.
  if (now - session.lastSeenAt.getTime() > 60_000) {
    const idle = env().FLUXTOWER_SESSION_IDLE_MINUTES * 60_000;
    await db.session.update({
      where: { id },
      data: { lastSeenAt: new Date(now), idleExpiresAt: new Date(Math.min(now + idle, session.absoluteExpiresAt.getTime())) },
    });
  }
  const { user } = session;
  if (!isRole(user.role)) return null;
  return {
    userId: user.id,
    subject: user.subject,
    name: user.name,
    role: user.role,
    groups: parseGroups(user.groups),
    kubeUser: user.kubeUser ?? kubeUserFor(user.subject, user.name),
    via: "session",
    sessionId: id,
  };
}

/**
 * Whether the credential behind `Principal.sessionId` is still valid: a session (not revoked, not past its idle or
 * absolute timeout) or, for "token:<id>", an API token (not revoked or expired). Long-lived streams poll this
 * every 30 s so they end within 60 s of sign-out, expiry or revocation.
 */
export async function sessionIsActive(sessionId: string): Promise<boolean> {
  if (sessionId.startsWith(TOKEN_CREDENTIAL_PREFIX)) return apiTokenIsActive(sessionId.slice(TOKEN_CREDENTIAL_PREFIX.length));
  const db = await getDb();
  const s = await db.session.findUnique({ where: { id: sessionId } });
  const now = Date.now();
  return !!s && !s.revokedAt && s.idleExpiresAt.getTime() > now && s.absoluteExpiresAt.getTime() > now;
}

/** Revokes a session. API-token credentials are not sessions: revoke those with revokeApiToken. */
export async function revokeSession(sessionId: string): Promise<void> {
  if (sessionId.startsWith(TOKEN_CREDENTIAL_PREFIX)) return;
  const db = await getDb();
  await db.session.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: new Date() } });
}


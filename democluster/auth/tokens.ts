// Bearer tokens: one random token per demo user, plus the control token for /__demo endpoints.
import { randomBytes, timingSafeEqual } from "node:crypto";
import { AUTHENTICATED_GROUP, DEMO_USERS, type DemoUser, type Identity } from "./identity";

export type UserTokens = Record<DemoUser, string>;

export function randomToken(): string {
  return randomBytes(24).toString("base64url");
}

export function generateUserTokens(): UserTokens {
  const tokens = {} as UserTokens;
  for (const user of DEMO_USERS) tokens[user] = `${user}-${randomToken()}`;
  return tokens;
}

export function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}

/** Extracts the token from an `Authorization: Bearer <token>` header. */
export function bearerToken(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return m?.[1];
}

export class TokenAuthenticator {
  constructor(private readonly tokens: UserTokens) {}

  /** The identity owning the token, or undefined for a missing/unknown token. */
  authenticate(authorization: string | undefined): Identity | undefined {
    const token = bearerToken(authorization);
    if (!token) return undefined;
    for (const user of DEMO_USERS) {
      if (safeEqual(this.tokens[user], token)) return { user, groups: [AUTHENTICATED_GROUP] };
    }
    return undefined;
  }
}

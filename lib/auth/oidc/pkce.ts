// Random values for one sign-in and the PKCE S256 challenge (RFC 7636).
import { createHash, randomBytes } from "node:crypto";

/** 256 random bits, base64url (43 characters — also a valid PKCE verifier). */
export function randomToken(): string {
  return randomBytes(32).toString("base64url");
}

export function codeChallengeS256(verifier: string): string {
  return createHash("sha256").update(verifier, "ascii").digest("base64url");
}

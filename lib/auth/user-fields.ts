// Small helpers shared by sessions and API tokens: secret hashing and the stored user fields.
import { createHash } from "node:crypto";

/** sha256 hex — sessions and API tokens are stored and looked up by this, never by the secret. */
export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}

export function parseGroups(json: string): string[] {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? v.filter((g): g is string => typeof g === "string") : [];
  } catch {
    return [];
  }
}

/**
 * The Kubernetes user for a stored user without an explicit one: demo users by their name, anyone else by
 * "oidc:<name>". OIDC sign-ins store the configured username (prefix + claim) in User.kubeUser instead.
 */
export function kubeUserFor(subject: string, name: string): string {
  return subject.startsWith("demo:") ? subject.slice("demo:".length) : `oidc:${name}`;
}

// Verified ID token claims → who signed in: subject, display name, app role, Kubernetes user and groups.
import type { Role } from "../roles";
import type { OidcConfig } from "./config";
import { OidcError } from "./errors";
import { groupsFromClaim, kubeGroupsFor, roleForGroups } from "./role-mapping";

export interface OidcIdentity {
  /** "<issuer>|<sub>": unique across providers, stable across renames. */
  subject: string;
  name: string;
  email?: string;
  /** Groups as the provider sent them (for the audit row). */
  idpGroups: string[];
  role: Role;
  kubeUser: string;
  kubeGroups: string[];
}

function text(value: unknown, max = 256): string | undefined {
  return typeof value === "string" && value.trim() !== "" ? value.trim().slice(0, max) : undefined;
}

/**
 * Claims that must be present (in the ID token, else fetched from UserInfo) to build the identity. An email address
 * as the username counts only when the provider verified it (OIDC Core §5.1 `email_verified`): otherwise anyone who
 * can register an unverified address at the provider could become that Kubernetes user.
 */
export function requiredClaims(config: OidcConfig): string[] {
  return [config.groupsClaim, config.usernameClaim, ...(config.usernameClaim === "email" ? ["email_verified"] : [])];
}

/** `email_verified` is a JSON boolean; some providers (AWS Cognito) send the string "true". */
function verified(value: unknown): boolean {
  return value === true || value === "true";
}

export function identityFromClaims(config: OidcConfig, sub: string, claims: Record<string, unknown>): OidcIdentity {
  const username = text(claims[config.usernameClaim]);
  if (!username) throw new OidcError("invalid_id_token", `claim ${config.usernameClaim} (username) is missing`);
  if (config.usernameClaim === "email" && !verified(claims.email_verified)) {
    throw new OidcError("email_unverified", "the username claim is email, and the provider did not assert email_verified=true for it");
  }
  const idpGroups = groupsFromClaim(claims[config.groupsClaim]);
  return {
    subject: `${config.issuer}|${sub}`,
    name: text(claims.preferred_username, 128) ?? text(claims.name, 128) ?? text(claims.email, 128) ?? sub.slice(0, 128),
    email: text(claims.email),
    idpGroups,
    role: roleForGroups(idpGroups, config.roleGroups),
    kubeUser: `${config.usernamePrefix}${username}`,
    kubeGroups: kubeGroupsFor(idpGroups, config.roleGroups, config.groupsPrefix),
  };
}

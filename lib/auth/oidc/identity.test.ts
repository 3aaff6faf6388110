import { describe, expect, it } from "vitest";
import type { OidcConfig } from "./config";
import { OidcError } from "./errors";
import { identityFromClaims } from "./identity";

const config = (usernameClaim: string): OidcConfig => ({
  issuer: "https://login.example.com/realms/platform",
  clientId: "fluxtower",
  scopes: "openid profile email",
  groupsClaim: "groups",
  usernameClaim,
  usernamePrefix: "oidc:",
  groupsPrefix: "oidc:",
  redirectUri: "https://fluxtower.example.com/api/auth/oidc/callback",
  roleGroups: { admin: ["platform-admins"], operator: [], viewer: [] },
});

// Claims as Keycloak issues them in an ID token (sub is a UUID; email_verified is a JSON boolean).
const keycloak = {
  sub: "f3b1c0de-5a8e-4c1e-9d51-2f1a7b9e0c42",
  name: "Alice Admin",
  preferred_username: "alice",
  email: "alice@example.com",
  email_verified: true,
  groups: ["platform-admins"],
};

function outcome(usernameClaim: string, claims: Record<string, unknown>): string {
  try {
    return identityFromClaims(config(usernameClaim), String(claims.sub), claims).kubeUser;
  } catch (err) {
    return err instanceof OidcError ? `${err.code}: ${err.detail}` : String(err);
  }
}

describe("OIDC identity: the username claim", () => {
  it.each<[string, Record<string, unknown>, string | RegExp]>([
    // email as the Kubernetes username only when the provider verified the address (OIDC Core §5.1)
    ["email", keycloak, "oidc:alice@example.com"],
    ["email", { ...keycloak, email_verified: false }, /^email_unverified: .*email_verified/],
    ["email", { ...keycloak, email_verified: undefined }, /^email_unverified: .*email_verified/],
    ["email", { ...keycloak, email_verified: "false" }, /^email_unverified: .*email_verified/],
    // AWS Cognito sends the boolean as a string
    ["email", { ...keycloak, email_verified: "true" }, "oidc:alice@example.com"],
    // another username claim: email_verified does not matter
    ["sub", { ...keycloak, email_verified: false }, "oidc:f3b1c0de-5a8e-4c1e-9d51-2f1a7b9e0c42"],
    ["preferred_username", { ...keycloak, email_verified: undefined }, "oidc:alice"],
    ["email", { ...keycloak, email: undefined }, /^invalid_id_token: claim email/],
  ])("%s from %j → %s", (claim, claims, want) => {
    const got = outcome(claim, claims);
    if (typeof want === "string") expect(got).toBe(want);
    else expect(got).toMatch(want);
  });

  it("keeps the issuer-qualified subject and the display name apart from the Kubernetes user", () => {
    const id = identityFromClaims(config("email"), keycloak.sub, keycloak);
    expect(id).toMatchObject({ subject: `${config("email").issuer}|${keycloak.sub}`, name: "alice", kubeUser: "oidc:alice@example.com", role: "admin" });
  });
});

// The OIDC relying-party configuration derived from the environment; null when single sign-on is off.
import { env, type Env } from "@/lib/config/env";
import type { RoleGroups } from "./role-mapping";

export interface OidcConfig {
  issuer: string;
  clientId: string;
  clientSecret?: string;
  scopes: string;
  groupsClaim: string;
  usernameClaim: string;
  usernamePrefix: string;
  groupsPrefix: string;
  /** Our callback, derived from FLUXTOWER_PUBLIC_URL (the provider must have exactly this registered). */
  redirectUri: string;
  roleGroups: RoleGroups;
}

export const CALLBACK_PATH = "/api/auth/oidc/callback";

export function oidcConfig(e: Env = env()): OidcConfig | null {
  if (!e.FLUXTOWER_OIDC_ISSUER || !e.FLUXTOWER_OIDC_CLIENT_ID) return null;
  return {
    issuer: e.FLUXTOWER_OIDC_ISSUER,
    clientId: e.FLUXTOWER_OIDC_CLIENT_ID,
    clientSecret: e.FLUXTOWER_OIDC_CLIENT_SECRET,
    scopes: e.FLUXTOWER_OIDC_SCOPES.split(/\s+/).filter(Boolean).join(" "),
    groupsClaim: e.FLUXTOWER_OIDC_GROUPS_CLAIM,
    usernameClaim: e.FLUXTOWER_OIDC_USERNAME_CLAIM,
    usernamePrefix: e.FLUXTOWER_OIDC_USERNAME_PREFIX,
    groupsPrefix: e.FLUXTOWER_OIDC_GROUPS_PREFIX,
    redirectUri: new URL(CALLBACK_PATH, e.publicUrl.origin).toString(),
    roleGroups: { admin: e.FLUXTOWER_ADMIN_GROUPS, operator: e.FLUXTOWER_OPERATOR_GROUPS, viewer: e.FLUXTOWER_VIEWER_GROUPS },
  };
}

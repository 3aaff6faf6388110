// Who is calling: the authenticated user, and (after impersonation) the identity that is authorized.
export interface Identity {
  user: string;
  groups: string[];
}

export interface RequestIdentity {
  /** Owner of the bearer token. */
  authenticated: Identity;
  /** The identity used for authorization (authenticated, or the impersonated one). */
  effective: Identity;
  impersonated: boolean;
}

export const DEMO_USERS = ["admin", "operator", "viewer", "fluxtower"] as const;
export type DemoUser = (typeof DEMO_USERS)[number];

export const AUTHENTICATED_GROUP = "system:authenticated";

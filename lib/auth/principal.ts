// The signed-in identity as every server module sees it.
import type { Role } from "./roles";

export interface Principal {
  userId: string;
  subject: string; // "demo:admin" or "<issuer>|<sub>"
  name: string;
  role: Role;
  /** The Kubernetes groups this principal is impersonated with (OIDC: mapped groups with the configured prefix). */
  groups: string[];
  /** The Kubernetes user this principal is impersonated as. */
  kubeUser: string;
  via: "session" | "token";
  /**
   * The credential this request came with: the session id, or "token:<id>" for an API token. Long-lived streams
   * pass it to sessionIsActive() to end when the credential is revoked or expires.
   */
  sessionId?: string;
}

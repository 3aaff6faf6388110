// The signed-in identity as every server module sees it.
import type { Role } from "./roles";

export interface Principal {
  userId: string;
  subject: string; // "demo:admin" or "<issuer>|<sub>"
  name: string;
  role: Role;
  groups: string[];
  /** The Kubernetes user this principal is impersonated as. */
  kubeUser: string;
  via: "session" | "token";
  sessionId?: string;
}
